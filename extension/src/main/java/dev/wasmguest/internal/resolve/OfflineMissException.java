package dev.wasmguest.internal.resolve;

import dev.wasmguest.GuestResolutionException;

/**
 * In offline mode, a module that is not in the cache. The JUnit layer can skip the test for it instead of failing
 * ({@code wasmguest.offline.missing=skip}).
 */
public final class OfflineMissException extends GuestResolutionException {

    private static final long serialVersionUID = 1L;

    OfflineMissException(String source, String problem) {
        super(source, problem);
    }
}
