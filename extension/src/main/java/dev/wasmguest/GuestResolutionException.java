package dev.wasmguest;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A guest module could not be obtained or is not a runnable WASI command: it could not be downloaded or read,
 * is not a WebAssembly module, does not match its pinned sha256, is malformed, or has no {@code _start}
 * export.
 *
 * <p>The message always names the module's source, says what went wrong and what to do about it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public class GuestResolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The module's source as the test named it. */
    private final String source;

    /** What went wrong and what to do. */
    private final String problem;

    /**
     * An exception whose message is {@code Cannot load guest module <source>: <problem>}.
     *
     * @param source how the module was named: its URL, path or resource name
     * @param problem what went wrong and what to do, as a sentence
     */
    public GuestResolutionException(String source, String problem) {
        this(source, problem, null);
    }

    /**
     * An exception whose message is {@code Cannot load guest module <source>: <problem>}, caused by {@code cause}.
     *
     * @param source how the module was named: its URL, path or resource name
     * @param problem what went wrong and what to do, as a sentence
     * @param cause the underlying failure, or {@code null}
     */
    public GuestResolutionException(String source, String problem, Throwable cause) {
        super("Cannot load guest module " + source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /**
     * The module's source as the test named it (URL, path or classpath resource).
     *
     * @return never {@code null}
     */
    public String source() {
        return source;
    }

    /**
     * What went wrong and what to do about it, as a sentence: the message without the module's source.
     *
     * @return never {@code null}
     * @since 0.1
     */
    public String problem() {
        return problem;
    }
}
