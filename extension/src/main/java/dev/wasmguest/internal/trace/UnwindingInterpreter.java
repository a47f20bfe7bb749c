package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import run.endive.runtime.Instance;
import run.endive.runtime.InterpreterMachine;
import run.endive.runtime.MStack;
import run.endive.runtime.StackFrame;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.types.FunctionBody;

/**
 * Endive's interpreter, remembering the frames a failure unwinds through: Endive pops each frame as the failure
 * leaves it, so the call stack is gone by the time the failure reaches the run. One per instance, used by the run's
 * one thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class UnwindingInterpreter extends InterpreterMachine {

    /** Frames kept per failure: enough for any backtrace shown, bounded for a recursion that overflowed. */
    static final int KEPT_FRAMES = 256;

    /** Endive 1.0.0's {@code StackFrame.toString()}: {@code name[index]\n\tpc=next locals=[...]}. */
    private static final Pattern FRAME = Pattern.compile("\\[(\\d+)]\\n\\tpc=(\\d+) ");

    private final Instance instance;
    private Throwable unwinding;
    /** When the failure being unwound first left a frame here, as {@link System#nanoTime()}. */
    private long unwindingSince;

    private final List<StackFrame> frames = new ArrayList<>();
    private int unwoundFrames;

    public UnwindingInterpreter(Instance instance) {
        super(instance);
        this.instance = instance;
    }

    @Override
    protected void eval(MStack stack, Instance instance, Deque<StackFrame> callStack) throws WasmEngineException {
        try {
            super.eval(stack, instance, callStack);
        } catch (RuntimeException | StackOverflowError failure) {
            remember(failure, callStack.peek());
            throw failure;
        }
    }

    /** Keeps the frame, and nothing costly: a stack that overflowed has little room left here. */
    private void remember(Throwable failure, StackFrame frame) {
        try {
            if (unwinding == null || failure != unwinding && failure.getCause() != unwinding) {
                frames.clear(); // a new failure, not the same one rethrown wrapped (an overflow as a trap)
                unwoundFrames = 0;
                unwindingSince = System.nanoTime();
            }
            unwinding = failure;
            unwoundFrames++;
            if (frame != null && frames.size() < KEPT_FRAMES) {
                frames.add(frame);
            }
        } catch (StackOverflowError noRoomLeft) {
            // this frame goes unnamed; the failure itself goes on unchanged
        }
    }

    /**
     * The frames {@code failure} unwound through, innermost first, each at the instruction it was running (a call,
     * in all but the innermost); empty when the failure did not come through this interpreter's guest code.
     */
    public List<CallSite> stackOf(Throwable failure) {
        if (!unwound(failure)) {
            return List.of();
        }
        List<CallSite> sites = new ArrayList<>(frames.size());
        for (StackFrame frame : frames) {
            Matcher matcher = FRAME.matcher(frame.toString());
            if (matcher.find()) {
                int function = Integer.parseInt(matcher.group(1));
                int next = Integer.parseInt(matcher.group(2));
                sites.add(new CallSite(function, offsetOf(function, next - 1)));
            }
        }
        return sites;
    }

    /**
     * When {@code failure} first unwound a frame here, as {@link System#nanoTime()}: of the interpreters a failure
     * went through, the innermost saw it first. {@link Long#MAX_VALUE} when it did not come through here.
     */
    public long firstSaw(Throwable failure) {
        return unwound(failure) ? unwindingSince : Long.MAX_VALUE;
    }

    /** How many frames the failure unwound through, counting those beyond {@link #KEPT_FRAMES}. */
    public int unwoundFrames(Throwable failure) {
        return unwound(failure) ? unwoundFrames : 0;
    }

    /**
     * Whether this interpreter unwound {@code failure}, or one of its causes: a host function between two instances
     * (a component's core modules) may pass a failure on wrapped.
     */
    private boolean unwound(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause == unwinding) {
                return true;
            }
        }
        return false;
    }

    private long offsetOf(int function, int instruction) {
        FunctionBody body = instance.function(function);
        if (body == null
                || instruction < 0
                || instruction >= body.instructions().size()) {
            return CallSite.UNKNOWN_OFFSET;
        }
        return body.instructions().get(instruction).address();
    }
}
