package dev.wasmguest.internal.engine;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import java.io.ByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a guest once, in a fresh instance with its own WASI context, on a pooled thread with a large stack, and
 * bounds it: stopped at its timeout, memory capped, output captured up to a limit. Only what the {@link RunSpec}
 * grants reaches the guest: arguments, environment, stdin bytes (then end-of-file), private copies of directories;
 * no host streams.
 */
public final class GuestExecution {

    private static final System.Logger LOG = System.getLogger(GuestExecution.class.getName());

    /**
     * Deep guest recursion must end in a trap, not in a {@link StackOverflowError}: the interpreter recurses on the
     * JVM stack, so with this stack a guest meets its own limits first.
     */
    static final long STACK_BYTES = 256L * 1024 * 1024;

    /** How long a stopped guest may take to unwind before the run is reported as leaving a thread behind. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private final CompiledGuest guest;
    private final RunSpec spec;
    private volatile boolean stopped;

    private GuestExecution(CompiledGuest guest, RunSpec spec) {
        this.guest = guest;
        this.spec = spec;
    }

    /** The outcome of a run, and the guest's files if it had directories. */
    public record Finished(RunRecord record, Optional<GuestFiles> files) {
    }

    /**
     * @throws IllegalArgumentException when the module's initial memory is larger than the memory limit
     */
    public static Finished run(CompiledGuest guest, RunSpec spec) {
        return new GuestExecution(guest, spec).run();
    }

    private Finished run() {
        MemoryLimits memory = memoryLimits();
        CapturedOutput stdout = new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped);
        CapturedOutput stderr = new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped);
        Optional<GuestFiles> files = GuestFiles.prepare(spec.mounts());
        GuestThread task = new GuestThread(memory, stdout, stderr, files);
        CountDownLatch ended = new CountDownLatch(1);
        long start = System.nanoTime();
        Future<?> running = guest.runThreads().submit(() -> {
            try {
                task.run();
            } finally {
                ended.countDown();
            }
        });
        boolean timedOut = !awaitEnd(ended, spec.limits().timeout());
        if (timedOut) {
            stop(running, ended);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        files.ifPresent(GuestFiles::writeBack);
        WasiOutcome outcome = timedOut ? WasiOutcome.TIMED_OUT : task.outcome;
        RunRecord record = new RunRecord(outcome, task.exitCode, outcome == WasiOutcome.TRAPPED ? task.trap : null,
                stdout.bytes(), stdout.droppedBytes(), stderr.bytes(), stderr.droppedBytes(), task.memoryBytes,
                (long) memory.maximumPages() * RunLimits.PAGE_BYTES, duration, spec.limits().timeout());
        return new Finished(record, files);
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
    private static boolean awaitEnd(CountDownLatch ended, Duration timeout) {
        try {
            return ended.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
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
            LOG.log(Level.WARNING, "Guest module " + guest.source() + " did not stop within "
                    + STOP_GRACE.toMillis() + " ms of its timeout; its thread is still running");
        }
    }

    private Instance.Builder instance(MemoryLimits memory, WasiPreview1 wasi) {
        HostFunction[] functions = new AppendMode().apply(wasi.toHostFunctions());
        if (spec.clock() != null) {
            functions = new DeterministicTime(spec.clock()).apply(functions);
        }
        Instance.Builder builder = Instance.builder(guest.module())
                .withImportValues(ImportValues.builder().addFunction(functions).build())
                .withMemoryFactory(ByteArrayMemory::new)
                .withMemoryLimits(memory)
                .withStart(false);
        if (spec.engine() == WasiEngine.COMPILER) {
            builder.withMachineFactory(guest.machineFactory());
        } else {
            // Chicory's interpreter ignores interrupts in call-free loops: check the stop flag at every instruction.
            builder.withUnsafeExecutionListener((instruction, stack) -> {
                if (stopped) {
                    throw new RunStoppedException();
                }
            });
        }
        return builder;
    }

    private WasiOptions options(CapturedOutput stdout, CapturedOutput stderr, Optional<GuestFiles> files) {
        WasiOptions.Builder options = WasiOptions.builder()
                .withArguments(spec.argv(guest.fileName()))
                .withStdin(new ByteArrayInputStream(spec.stdin()), false)
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

    /** The guest's own thread: instantiates, runs {@code _start}, and records how it ended. */
    private final class GuestThread implements Runnable {

        private final MemoryLimits memory;
        private final CapturedOutput stdout;
        private final CapturedOutput stderr;
        private final Optional<GuestFiles> files;
        private volatile WasiOutcome outcome = WasiOutcome.TRAPPED;
        private volatile int exitCode;
        private volatile String trap = "the guest thread ended without a result";
        private volatile long memoryBytes;

        GuestThread(MemoryLimits memory, CapturedOutput stdout, CapturedOutput stderr, Optional<GuestFiles> files) {
            this.memory = memory;
            this.stdout = stdout;
            this.stderr = stderr;
            this.files = files;
        }

        @Override
        public void run() {
            Instance instance = null;
            try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options(stdout, stderr, files)).build()) {
                instance = instance(memory, wasi).build();
                instance.export("_start").apply();
                exited(0);
            } catch (WasiExitException exit) {
                exited(exit.exitCode()); // caught before ChicoryException, which it extends: an exit is no trap
            } catch (ChicoryException e) {
                trapped(TrapMessages.describe(e));
            } catch (StackOverflowError e) {
                trapped("call stack exhausted (the guest's recursion overflowed the "
                        + STACK_BYTES / (1024 * 1024) + " MiB JVM stack of its thread)");
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

        private void exited(int code) {
            exitCode = code;
            outcome = WasiOutcome.EXITED;
        }

        private void trapped(String message) {
            trap = message;
            outcome = WasiOutcome.TRAPPED;
        }
    }

}
