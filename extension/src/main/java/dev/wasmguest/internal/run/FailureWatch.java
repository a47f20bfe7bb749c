package dev.wasmguest.internal.run;

import run.endive.runtime.CallResult;
import run.endive.runtime.Machine;
import run.endive.wasm.WasmEngineException;

/**
 * Compiled code's machine, telling when a failure leaves its instance: of a component's core instances that a trap
 * unwinds through, the innermost hears of it first, which orders the backtrace's parts as the calls nested.
 */
final class FailureWatch implements Machine {

    private final Machine machine;
    private final Runnable failureLeft;

    /** @param failureLeft told each time a call into the instance ends in a failure */
    FailureWatch(Machine machine, Runnable failureLeft) {
        this.machine = machine;
        this.failureLeft = failureLeft;
    }

    @Override
    public long[] call(int function, long[] args) throws WasmEngineException {
        try {
            return machine.call(function, args);
        } catch (RuntimeException | Error failure) {
            failureLeft.run();
            throw failure;
        }
    }

    @Override
    public long[] call(int function, long[] args, Object[] refs) throws WasmEngineException {
        try {
            return machine.call(function, args, refs);
        } catch (RuntimeException | Error failure) {
            failureLeft.run();
            throw failure;
        }
    }

    @Override
    public CallResult callWithRefs(int function, long[] args, Object[] refs) throws WasmEngineException {
        try {
            return machine.callWithRefs(function, args, refs);
        } catch (RuntimeException | Error failure) {
            failureLeft.run();
            throw failure;
        }
    }
}
