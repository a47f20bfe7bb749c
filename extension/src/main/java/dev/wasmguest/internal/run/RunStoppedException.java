package dev.wasmguest.internal.run;

/** Unwinds a guest that was stopped (timed out) from a host call or, in the interpreter, from any instruction. */
final class RunStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RunStoppedException() {
        super("the run was stopped", null, false, false);
    }
}
