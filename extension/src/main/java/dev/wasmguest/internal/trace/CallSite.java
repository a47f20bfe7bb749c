package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One frame of a trapped call stack as an engine knows it: the function, by its index in the module (imports
 * counted), and the offset in the module's bytes of the instruction the frame was at, or {@code -1} when the engine
 * does not know it (compiled code).
 */
@API(status = INTERNAL, since = "0.1")
public record CallSite(int functionIndex, long moduleOffset) {

    public static final long UNKNOWN_OFFSET = -1;
}
