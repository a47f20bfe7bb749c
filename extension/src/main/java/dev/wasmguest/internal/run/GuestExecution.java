package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiCoverage;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.wasi.WasiCallLog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import run.endive.runtime.Instance;
import run.endive.wasi.WasiPreview1;

/**
 * Runs a guest command once, in a fresh instance with its own WASI context ({@link GuestSandbox}), and bounds it:
 * stopped at its timeout, memory capped, output captured up to a limit.
 *
 * <p>A run executes on the caller's thread, because handing it to another thread and back cost more than a tiny
 * guest's whole run; a timer interrupts it at its timeout. A guest whose calls nest deeper than the caller's stack
 * allows is run again from the start on a large-stack thread ({@link RunThreads}): everything it did is
 * private to the attempt (captured output, copies of directories), so the second attempt is indistinguishable from
 * a first one, and only that attempt's files are written back.
 */
@API(status = INTERNAL, since = "0.1")
public final class GuestExecution {

    private final RunThreads threads;
    private final LoadedModule guest;
    private final LoadedModule.Code code;
    private final RunSpec spec;
    private final Invocation invocation;
    private final Duration preparation;
    private final long start;
    private final GuestSandbox sandbox;
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
        Optional<HostConsole> console = Optional.ofNullable(spec.console());
        this.stdout =
                new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped, console.map(HostConsole::stdout));
        this.stderr =
                new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped, console.map(HostConsole::stderr));
        this.files = GuestFiles.prepare(spec.mounts(), spec.limits().maxMountBytes());
        this.sandbox = new GuestSandbox(guest, code, spec, files);
        this.task = new GuestRun();
    }

    /**
     * One run to make.
     *
     * @param threads the module's timer and large-stack threads
     * @param guest the prepared module
     * @param code the code of the engine chosen for this run
     * @param spec what the guest is given and its limits
     * @param invocation what the result says ran
     * @param preparation how long the caller waited for the module to be prepared, for the result
     */
    public record Request(
            RunThreads threads,
            LoadedModule guest,
            LoadedModule.Code code,
            RunSpec spec,
            Invocation invocation,
            Duration preparation) {}

    /**
     * Runs the guest with the engine chosen for it; its timeout starts now.
     *
     * @throws IllegalArgumentException when the module's initial memory is larger than the memory limit
     */
    public static WasiResult run(Request request) {
        long start = System.nanoTime();
        return request.threads()
                .hereOrOnLargeStack(
                        () -> new GuestExecution(request, start).runOnCallerThread(),
                        () -> new GuestExecution(request, start).runOnRunThread(),
                        "Guest module " + request.guest().source());
    }

    /** Runs here, a timer interrupting this thread at the deadline; empty when the guest overflowed this stack. */
    private Optional<WasiResult> runOnCallerThread() {
        return threads.onCallerThread(
                        task, start + spec.limits().timeout().toNanos(), () -> stopped = true, task.ending)
                .map(this::finish);
    }

    /** Runs on a pooled large-stack thread and waits for it, stopping it at the deadline. */
    private WasiResult runOnRunThread() {
        return finish(threads.onLargeStack(task, remainingNanos(), () -> stopped = true, guest.source()));
    }

    private WasiResult finish(StoppedBy stoppedBy) {
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        List<String> writeBackProblems = files.map(GuestFiles::writeBack).orElse(List.of());
        WasiResult.Builder result = invocation
                .result()
                .output(stdout.bytes(), stdout.droppedBytes(), stderr.bytes(), stderr.droppedBytes())
                .memory(task.memoryBytes, sandbox.maxMemoryBytes())
                .ranOn(code.engine(), preparation, duration, spec.limits().timeout())
                .files(files.map(GuestFiles::fileSystem), writeBackProblems);
        task.coverage.ifPresent(result::coverage);
        Optional<byte[]> panicIn = spec.console() == null ? Optional.of(stderr.bytes()) : Optional.empty();
        return stoppedBy.stopped()
                ? result.stopped(stoppedBy.describe(duration, spec.limits().timeout()))
                        .build()
                : task.ending.endOn(result, panicIn, List.of()).build();
    }

    /** What is left of the run's timeout; at least 1 ns, so a run always starts. */
    private long remainingNanos() {
        return Math.max(1, spec.limits().timeout().toNanos() - (System.nanoTime() - start));
    }

    /** The guest's side of a run: instantiates, runs {@code _start}, and records how it ended. */
    private final class GuestRun implements Runnable {

        private final GuestEnding ending = new GuestEnding();
        private volatile long memoryBytes;
        private volatile Optional<WasiCoverage> coverage = Optional.empty();

        @Override
        public void run() {
            AtomicReference<Instance> instance = new AtomicReference<>();
            ending.attempt(
                    () -> {
                        try (WasiPreview1 wasi = WasiPreview1.builder()
                                .withLogger(WasiCallLog.INSTANCE)
                                .withOptions(sandbox.options(invocation.argv(), stdout, stderr))
                                .build()) {
                            instance.set(
                                    sandbox.instance(wasi, () -> stopped, interpreter -> ending.ran(guest, interpreter))
                                            .build());
                            return instance.get().export("_start").apply();
                        }
                    },
                    WasiOutcome.EXITED);
            if (instance.get() != null) {
                memoryBytes = sandbox.memoryBytes(instance.get());
                guest.reached((int) (memoryBytes / RunLimits.PAGE_BYTES));
                coverage = guest.coverage()
                        .map(recorder -> recorder.record(CounterValues.read(instance.get(), recorder.map())));
            }
        }
    }
}
