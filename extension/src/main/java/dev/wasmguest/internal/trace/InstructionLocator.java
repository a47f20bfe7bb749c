package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Which WebAssembly instruction each frame of compiled code was at, from the line number its JVM stack trace gives
 * (the compiled code's own numbering, not a source line).
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface InstructionLocator {

    /** For code that cannot say: every offset unknown. */
    InstructionLocator NONE = (functions, lines) -> {
        long[] unknown = new long[functions.length];
        Arrays.fill(unknown, CallSite.UNKNOWN_OFFSET);
        return unknown;
    };

    /**
     * The offset in the module's bytes of the instruction of each frame, in order: the frame of function
     * {@code functions[i]} at line {@code lines[i]}; -1 where it cannot be told.
     */
    long[] offsets(int[] functions, int[] lines);
}
