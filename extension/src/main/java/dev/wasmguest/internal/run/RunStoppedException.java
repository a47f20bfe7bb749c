package dev.wasmguest.internal.run;

import java.util.function.BooleanSupplier;
import run.endive.runtime.ExecutionListener;

/** Unwinds a guest that was stopped (timed out) from a host call or, in the interpreter, from any instruction. */
final class RunStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RunStoppedException() {
        super("the run was stopped", null, false, false);
    }

    /** An interpreter's listener that unwinds the guest at its next instruction once {@code stopped} says so. */
    static ExecutionListener at(BooleanSupplier stopped) {
        return (instruction, stack) -> {
            if (stopped.getAsBoolean()) {
                throw new RunStoppedException();
            }
        };
    }
}
