package dev.wasmguest.internal.run;

import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.trace.Backtrace;
import dev.wasmguest.internal.trace.CompiledStack;
import dev.wasmguest.internal.trace.RustPanic;
import dev.wasmguest.internal.trace.UnwindingInterpreter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import run.endive.runtime.WasmInterruptedException;
import run.endive.wasi.WasiExitException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.types.ValType;

/**
 * How one stretch of guest code ended: a command's {@code _start}, a reactor's {@code _initialize} or one call of an
 * export. Written by the thread that runs the guest, read by the one that waits for it.
 */
final class GuestEnding {

    /** Endive's trap when guest calls nest deeper than the JVM stack allows (it catches the StackOverflowError). */
    private static final String CALL_STACK_EXHAUSTED = "call stack exhausted";

    /** Guest code to run; returns what it returned, as Endive encodes values. */
    @FunctionalInterface
    interface GuestCode {
        long[] run();
    }

    volatile WasiOutcome outcome = WasiOutcome.TRAPPED;
    volatile int exitCode;
    volatile String trap = "the guest's run ended without a result";
    volatile long[] returned = new long[0];
    /** The guest's calls nested deeper than its thread's stack allows. */
    volatile boolean overflowedStack;
    /** The guest was stopped by an interrupt of its thread. */
    volatile boolean interrupted;
    /** What the guest trapped with, for its backtrace. */
    private volatile Throwable trapCause;
    /**
     * The modules whose instances ran (a module, or a component's core modules), each with the interpreter that ran
     * it, which keeps the frames a trap unwound; none for compiled code.
     */
    private final Map<LoadedModule, Optional<UnwindingInterpreter>> ran = new ConcurrentHashMap<>();
    /** When a failure first left each module's compiled code, as {@link System#nanoTime()}: innermost first. */
    private final Map<LoadedModule, Long> failureLeft = new ConcurrentHashMap<>();

    /**
     * Runs {@code code} and records how it ended.
     *
     * @param normally the outcome when the code returns: a command's {@code _start} exits with 0, a call returns
     */
    void attempt(GuestCode code, WasiOutcome normally) {
        try {
            long[] values = code.run();
            returned = values != null ? values : new long[0]; // Endive answers null for a function without results
            if (normally == WasiOutcome.EXITED) {
                exited(0);
            } else {
                outcome = normally;
            }
        } catch (WasiExitException exit) {
            exited(exit.exitCode()); // caught before WasmEngineException, which it extends: an exit is no trap
        } catch (WasmInterruptedException e) {
            interrupted = true;
            trapped("stopped");
        } catch (WasmEngineException e) {
            overflowedStack = CALL_STACK_EXHAUSTED.equals(e.getMessage());
            trapCause = e;
            trapped(TrapMessages.describe(e));
        } catch (StackOverflowError e) {
            overflowedStack = true;
            trapCause = e;
            trapped("call stack exhausted (the guest's recursion overflowed the "
                    + RunThreads.STACK_BYTES / (1024 * 1024) + " MiB JVM stack of its thread)");
        } catch (OutOfMemoryError e) {
            trapped("the JVM ran out of heap while running the guest (" + e.getMessage()
                    + "); lower maxMemory or raise -Xmx");
        } catch (RuntimeException e) {
            trapped(e instanceof RunStoppedException ? "stopped" : "host failure: " + e);
        }
    }

    /**
     * Remembers that an instance of {@code module} runs in this stretch, and the interpreter that runs it, if one
     * does: for a trap's frames.
     */
    void ran(LoadedModule module, Optional<UnwindingInterpreter> interpreter) {
        ran.put(module, interpreter);
    }

    /** Remembers when a failure first left {@code module}'s compiled code, which orders a backtrace's parts. */
    void failureLeft(LoadedModule module) {
        failureLeft.putIfAbsent(module, System.nanoTime());
    }

    /** How a call ended, in one line, for why an instance can be called no more: a trap without its backtrace. */
    static String briefly(WasiResult call) {
        return call.trapped() ? "trapped: " + call.trap().orElseThrow() : call.describeOutcome();
    }

    /**
     * Puts how this stretch ended, as the guest ended it, into {@code result}.
     *
     * @param panicIn the guest's stderr, to tell a Rust panic's message after a trap; empty when a console showed it
     * @param returns the called function's result types, for the values it returned
     */
    WasiResult.Builder endOn(WasiResult.Builder result, Optional<byte[]> panicIn, List<ValType> returns) {
        return switch (outcome) {
            case EXITED -> result.exited(exitCode);
            case RETURNED -> result.returned(NumericValues.decode(returns, returned));
            case TRAPPED -> {
                Backtrace backtrace = backtrace();
                String panic = panicIn.flatMap(RustPanic::in)
                        .map(message -> "\nthe guest panicked: " + message)
                        .orElse("");
                yield result.trapped(trap, backtrace::frames, () -> panic + backtrace.describe());
            }
            case TIMED_OUT -> throw new IllegalStateException("a guest's code does not time out by itself");
        };
    }

    /**
     * Where the guest was when it trapped, from the engines that ran its modules, innermost module first: the order
     * in which the trap reached them (an interpreter sees it in its innermost frame, compiled code as it leaves).
     * Compiled code that never told that a failure left it (a module's own run) comes last.
     */
    private Backtrace backtrace() {
        Throwable cause = trapCause;
        if (cause == null) {
            return Backtrace.none();
        }
        record Part(long reached, Backtrace backtrace) {}
        List<Part> parts = new ArrayList<>();
        ran.forEach((module, interpreter) -> {
            if (interpreter.isPresent()) {
                if (interpreter.get().unwoundFrames(cause) > 0) {
                    parts.add(new Part(
                            interpreter.get().firstSaw(cause),
                            Backtrace.interpreted(interpreter.get(), cause, module.symbols())));
                }
            } else if (CompiledStack.wentThrough(cause, module.digest())) {
                parts.add(new Part(
                        failureLeft.getOrDefault(module, Long.MAX_VALUE),
                        Backtrace.compiled(cause, module.digest(), module.instructionLocator(), module.symbols())));
            }
        });
        parts.sort(Comparator.comparingLong(Part::reached));
        return parts.isEmpty()
                ? Backtrace.none()
                : Backtrace.joined(parts.stream().map(Part::backtrace).toList());
    }

    private void exited(int code) {
        exitCode = code;
        outcome = WasiOutcome.EXITED;
    }

    private void trapped(String message) {
        trap = message;
        outcome = WasiOutcome.TRAPPED;
    }
}
