package dev.wasmguest.internal.resolve;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import org.apiguardian.api.API;

/**
 * In offline mode, a module that is not in the cache. The JUnit layer can skip the test for it instead of failing
 * ({@code wasmguest.offline.missing=skip}).
 */
@API(status = INTERNAL, since = "0.1")
public final class OfflineMissException extends GuestResolutionException {

    private static final long serialVersionUID = 1L;

    OfflineMissException(String source, String problem) {
        super(source, problem);
    }
}
