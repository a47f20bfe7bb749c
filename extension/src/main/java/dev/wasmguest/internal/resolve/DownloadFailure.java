package dev.wasmguest.internal.resolve;

/**
 * Why a download failed, as a sentence for the user. {@code transientFailure} marks failures that another attempt
 * may not meet (connection errors, timeouts, stalled or cut-off bodies, 5xx statuses): they are retried, and a
 * stale cached copy may stand in for them.
 */
final class DownloadFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    DownloadFailure(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    static DownloadFailure permanent(String message) {
        return new DownloadFailure(message, false, null);
    }

    static DownloadFailure transientFailure(String message, Throwable cause) {
        return new DownloadFailure(message, true, cause);
    }

    boolean isTransient() {
        return transientFailure;
    }
}
