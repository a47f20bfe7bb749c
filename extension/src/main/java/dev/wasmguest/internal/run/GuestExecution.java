package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasmguest.internal.load.PreparedGuest;
import dev.wasmguest.internal.trace.Backtrace;
import dev.wasmguest.internal.trace.CallSite;
import dev.wasmguest.internal.trace.CompiledStack;
import dev.wasmguest.internal.trace.UnwindingInterpreter;
import dev.wasmguest.internal.wasi.DeterministicTime;
import dev.wasmguest.internal.wasi.FdFlags;
import dev.wasmguest.internal.wasi.ReadOnlyDirectories;
import dev.wasmguest.internal.wasi.Rights;
import dev.wasmguest.internal.wasi.SymlinkCalls;
import dev.wasmguest.internal.wasi.WasiCallLog;
import java.io.ByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Runs a guest once, in a fresh instance with its own WASI context, and bounds it: stopped at its timeout, memory
 * capped, output captured up to a limit. Only what the {@link RunSpec} grants reaches the guest: arguments,
 * environment, stdin bytes (then end-of-file), private copies of directories; no host streams.
 *
 * <p>A run executes on the caller's thread, because handing it to another thread and back cost more than a tiny
 * guest's whole run; a timer interrupts it at its timeout. A guest whose calls nest deeper than the caller's stack
 * allows is run again from the start on a large-stack thread ({@link RunThreads}): everything it did is
 * private to the attempt (captured output, copies of directories), so the second attempt is indistinguishable from
 * a first one, and only that attempt's files are written back.
 */
@API(status = INTERNAL, since = "0.1")
public final class GuestExecution {

    private static final System.Logger LOG = System.getLogger(GuestExecution.class.getName());

    /** How long a stopped guest may take to unwind before the run is reported as leaving a thread behind. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);

    /** Chicory's trap when guest calls nest deeper than the JVM stack allows (it catches the StackOverflowError). */
    private static final String CALL_STACK_EXHAUSTED = "call stack exhausted";

    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int STOPPING = 2;
    private static final int STOPPED = 3;

    private final RunThreads threads;
    private final PreparedGuest guest;
    private final PreparedGuest.Code code;
    private final RunSpec spec;
    private final RunRecord.Invocation invocation;
    private final Duration preparation;
    private final long start;
    private final MemoryLimits memory;
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;
    private final Optional<GuestFiles> files;
    private final GuestRun task;
    private volatile boolean stopped;

    private GuestExecution(Request request, long start) {
        this.threads = request.threads();
        this.guest = request.guest();
        this.code = request.code();
        this.spec = request.spec();
        this.invocation = request.invocation();
        this.preparation = request.preparation();
        this.start = start;
        this.memory = memoryLimits();
        this.stdout = new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped);
        this.stderr = new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped);
        this.files = GuestFiles.prepare(spec.mounts(), spec.limits().maxMountBytes());
        this.task = new GuestRun();
    }

    /**
     * One run to make.
     *
     * @param threads the module's timer and large-stack threads
     * @param guest the prepared module
     * @param code the code of the engine chosen for this run
     * @param spec what the guest is given and its limits
     * @param invocation what the record says ran
     * @param preparation how long the caller waited for the module to be prepared, for the record
     */
    public record Request(
            RunThreads threads,
            PreparedGuest guest,
            PreparedGuest.Code code,
            RunSpec spec,
            RunRecord.Invocation invocation,
            Duration preparation) {}

    /**
     * Runs the guest with the engine chosen for it; its timeout starts now.
     *
     * @throws IllegalArgumentException when the module's initial memory is larger than the memory limit
     */
    public static RunRecord run(Request request) {
        long start = System.nanoTime();
        if (!Thread.currentThread().isInterrupted()) {
            Optional<RunRecord> here = new GuestExecution(request, start).runOnCallerThread();
            if (here.isPresent()) {
                return here.get();
            }
            LOG.log(
                    Level.DEBUG,
                    () -> "Guest module " + request.guest().source() + " overflowed the caller's stack;"
                            + " running it again on a thread with a " + RunThreads.STACK_BYTES / (1024 * 1024)
                            + " MiB stack");
        }
        return new GuestExecution(request, start).runOnRunThread();
    }

    /** Runs here, a timer interrupting this thread at the deadline; empty when the guest overflowed this stack. */
    private Optional<RunRecord> runOnCallerThread() {
        Thread caller = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        Deadlines.Alarm alarm = threads.deadlines().watch(System.nanoTime() + remainingNanos(), () -> {
            if (state.compareAndSet(RUNNING, STOPPING)) {
                stopped = true;
                caller.interrupt();
                state.set(STOPPED);
            }
        });
        boolean timedOut;
        try {
            task.run();
        } finally {
            timedOut = endWatch(state, alarm); // also when task.run() throws: no stray interrupt may follow
        }
        if (!timedOut && task.overflowedStack) {
            return Optional.empty();
        }
        if (!timedOut && task.interrupted) {
            caller.interrupt(); // someone else interrupted the caller: stop, and let the caller see it too
        }
        return Optional.of(finish(timedOut || task.interrupted));
    }

    /**
     * Ends the timer's watch over a run on the caller's thread; true when the timer stopped it. The timer's interrupt
     * is cleared: it was meant for the guest, not for the caller.
     */
    private static boolean endWatch(AtomicInteger state, Deadlines.Alarm alarm) {
        if (state.compareAndSet(RUNNING, FINISHED)) {
            alarm.cancel();
            return false;
        }
        while (state.get() != STOPPED) {
            Thread.onSpinWait(); // the timer is between its decision and its interrupt: nanoseconds
        }
        Thread.interrupted();
        return true;
    }

    /** Runs on a pooled large-stack thread and waits for it, stopping it at the deadline. */
    private RunRecord runOnRunThread() {
        CountDownLatch ended = new CountDownLatch(1);
        Future<?> running = threads.largeStack().submit(() -> {
            try {
                task.run();
            } finally {
                ended.countDown();
            }
        });
        boolean timedOut = !awaitEnd(ended, remainingNanos());
        if (timedOut) {
            stop(running, ended);
        }
        return finish(timedOut);
    }

    private RunRecord finish(boolean timedOut) {
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        List<String> writeBackProblems = files.map(GuestFiles::writeBack).orElse(List.of());
        RunOutcome outcome = timedOut ? RunOutcome.TIMED_OUT : task.outcome;
        return new RunRecord(
                invocation,
                outcome,
                task.exitCode,
                outcome == RunOutcome.TRAPPED ? task.trap : null,
                stdout.bytes(),
                stdout.droppedBytes(),
                stderr.bytes(),
                stderr.droppedBytes(),
                task.memoryBytes,
                (long) memory.maximumPages() * RunLimits.PAGE_BYTES,
                duration,
                spec.limits().timeout(),
                code.engine(),
                preparation,
                true,
                files,
                writeBackProblems,
                outcome == RunOutcome.TRAPPED ? task.backtrace() : Backtrace.none());
    }

    /** What is left of the run's timeout; at least 1 ns, so a run always starts. */
    private long remainingNanos() {
        return Math.max(1, spec.limits().timeout().toNanos() - (System.nanoTime() - start));
    }

    private MemoryLimits memoryLimits() {
        int limit = spec.limits().maxMemoryPages();
        MemoryLimits declared = guest.declaredMemory().orElse(new MemoryLimits(0, 0));
        if (declared.initialPages() > limit) {
            throw new IllegalArgumentException("guest module " + guest.source() + " needs "
                    + declared.initialPages() * RunLimits.PAGE_BYTES + " bytes of initial memory ("
                    + declared.initialPages() + " pages), more than the memory limit of "
                    + spec.limits().maxMemoryBytes() + " bytes; raise maxMemory (wasmguest.maxMemory)");
        }
        return new MemoryLimits(declared.initialPages(), Math.min(declared.maximumPages(), limit));
    }

    /** Waits for the guest; true when it ended in time. Interrupting the waiting thread stops the guest too. */
    private static boolean awaitEnd(CountDownLatch ended, long timeoutNanos) {
        try {
            return ended.await(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops a guest that ran out of time. Compiled code notices the interrupt; the interpreter notices the stop flag
     * at its next instruction (the execution listener of {@link #instance}); output calls check it too.
     */
    private void stop(Future<?> running, CountDownLatch ended) {
        stopped = true;
        running.cancel(true);
        boolean stoppedInTime;
        try {
            stoppedInTime = ended.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stoppedInTime = false;
        }
        if (!stoppedInTime) {
            LOG.log(
                    Level.WARNING,
                    "Guest module " + guest.source() + " did not stop within " + STOP_GRACE.toMillis()
                            + " ms of its timeout; its thread is still running");
        }
    }

    private Instance.Builder instance(WasiPreview1 wasi) {
        HostFunction[] functions = wasi.toHostFunctions();
        if (files.isPresent()) {
            // innermost: it calls Chicory's path_open directly, under the other corrections
            functions = new SymlinkCalls(files.get().preopenedDirectories(), wasi::pathOpen).apply(functions);
        }
        functions = new FdFlags().apply(functions);
        Set<Integer> readOnly = files.map(GuestFiles::readOnlyDescriptors).orElse(Set.of());
        if (!readOnly.isEmpty()) {
            functions = new ReadOnlyDirectories(readOnly).apply(functions);
        }
        functions = new Rights().apply(functions);
        if (spec.clock() != null) {
            functions = new DeterministicTime(spec.clock()).apply(functions);
        }
        Instance.Builder builder = Instance.builder(code.module())
                .withImportValues(ImportValues.builder().addFunction(functions).build())
                .withMemoryFactory(FlatMemory::create)
                .withMemoryLimits(memory)
                .withStart(false);
        if (code.machines().isPresent()) {
            builder.withMachineFactory(code.machines().get());
        } else {
            builder.withMachineFactory(instance -> task.interpreter = new UnwindingInterpreter(instance));
            // Chicory's interpreter ignores interrupts in call-free loops: check the stop flag at every instruction.
            builder.withUnsafeExecutionListener((instruction, stack) -> {
                if (stopped) {
                    throw new RunStoppedException();
                }
            });
        }
        return builder;
    }

    private WasiOptions options() {
        WasiOptions.Builder options = WasiOptions.builder()
                .withArguments(invocation.argv())
                .withStdin(spec.hostStdin() != null ? spec.hostStdin() : new ByteArrayInputStream(spec.stdin()), false)
                .withStdout(stdout, false)
                .withStderr(stderr, false);
        for (Map.Entry<String, String> variable : spec.env().entrySet()) {
            options.withEnvironment(variable.getKey(), variable.getValue());
        }
        files.ifPresent(granted -> granted.grant(options));
        if (spec.clock() != null) {
            options.withClock(spec.clock());
        }
        if (spec.randomSeed() != null) {
            options.withRandom(new Random(spec.randomSeed())); // a fresh source per run: every run sees the same bytes
        }
        return options.build();
    }

    /** The guest's side of a run: instantiates, runs {@code _start}, and records how it ended. */
    private final class GuestRun implements Runnable {

        private volatile RunOutcome outcome = RunOutcome.TRAPPED;
        private volatile int exitCode;
        private volatile String trap = "the guest's run ended without a result";
        /** What the guest trapped with, for its backtrace. */
        private volatile Throwable trapCause;
        /** The interpreter that ran the guest, when it did: it keeps the frames a trap unwound. */
        private volatile UnwindingInterpreter interpreter;

        private volatile long memoryBytes;
        /** The guest's calls nested deeper than its thread's stack allows. */
        private volatile boolean overflowedStack;
        /** The guest was stopped by an interrupt of its thread. */
        private volatile boolean interrupted;

        @Override
        public void run() {
            Instance instance = null;
            try (WasiPreview1 wasi = WasiPreview1.builder()
                    .withLogger(WasiCallLog.INSTANCE)
                    .withOptions(options())
                    .build()) {
                instance = instance(wasi).build();
                instance.export("_start").apply();
                exited(0);
            } catch (WasiExitException exit) {
                exited(exit.exitCode()); // caught before ChicoryException, which it extends: an exit is no trap
            } catch (ChicoryInterruptedException e) {
                interrupted = true;
                trapped("stopped");
            } catch (ChicoryException e) {
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
            } finally {
                if (instance != null && guest.declaredMemory().isPresent()) {
                    memoryBytes = (long) instance.memory().pages() * RunLimits.PAGE_BYTES;
                }
            }
        }

        /** Where the guest was when it trapped, as far as its engine tells. */
        Backtrace backtrace() {
            Throwable cause = trapCause;
            if (cause == null) {
                return Backtrace.none();
            }
            UnwindingInterpreter machine = interpreter;
            List<CallSite> stack = machine != null ? machine.stackOf(cause) : CompiledStack.of(cause);
            int depth = machine != null ? machine.unwoundFrames(cause) : stack.size();
            return new Backtrace(guest.symbols().frames(stack), depth);
        }

        private void exited(int code) {
            exitCode = code;
            outcome = RunOutcome.EXITED;
        }

        private void trapped(String message) {
            trap = message;
            outcome = RunOutcome.TRAPPED;
        }
    }
}
