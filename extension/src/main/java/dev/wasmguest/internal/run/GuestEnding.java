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
     * Where the guest was when it trapped, from the engines that ran its modules, innermost module first: the
     * interpreted ones in the order they saw the trap, then the compiled ones in the order of the JVM's stack.
     */
    private Backtrace backtrace() {
        Throwable cause = trapCause;
        if (cause == null) {
            return Backtrace.none();
        }
        List<Backtrace> parts = new ArrayList<>();
        ran.entrySet().stream()
                .filter(entry -> entry.getValue().isPresent())
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().get()))
                .filter(entry -> entry.getValue().unwoundFrames(cause) > 0)
                .sorted(Comparator.comparingLong(entry -> entry.getValue().firstSaw(cause)))
                .forEach(entry -> parts.add(Backtrace.interpreted(
                        entry.getValue(), cause, entry.getKey().symbols())));
        ran.entrySet().stream()
                .filter(entry -> entry.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .map(module -> Map.entry(module, CompiledStack.distance(cause, module.digest())))
                .filter(entry -> entry.getValue() != Integer.MAX_VALUE)
                .sorted(Map.Entry.comparingByValue())
                .forEach(entry -> parts.add(Backtrace.compiled(
                        cause,
                        entry.getKey().digest(),
                        entry.getKey().instructionLocator(),
                        entry.getKey().symbols())));
        return parts.isEmpty() ? Backtrace.none() : Backtrace.joined(parts);
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
