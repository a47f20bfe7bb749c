package dev.wasmguest.internal.run;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.component.CaseValue;
import dev.wasmguest.internal.component.ComponentFunction;
import dev.wasmguest.internal.component.ComponentInstance;
import dev.wasmguest.internal.component.Definition;
import dev.wasmguest.internal.component.HostInstance;
import dev.wasmguest.internal.load.LoadedComponent;
import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.wasip2.WasiHost;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import run.endive.wasi.WasiExitException;

/**
 * Runs a command component once: a fresh component instance on the WASI 0.2 host, bounded like a module's run (its
 * timeout, the memory limit of each core module, captured and capped output, a fixed clock and seeded random when the
 * spec says so), on the caller's thread as a module's run (again from the start on a large-stack thread when it
 * overflows the caller's stack). Each core module runs with the code its engine choice gave it, compiled or
 * interpreted, as a module of its own would. {@code wasi:cli/run} returning an error is exit code 1, as in wasmtime.
 */
final class ComponentRun {

    private final RunThreads threads;
    private final LoadedComponent component;
    private final Map<Definition.CoreModule, LoadedModule.Code> code;
    private final RunSpec spec;
    private final Invocation invocation;
    private final Duration preparation;

    /**
     * One run to make.
     *
     * @param code the code each core module runs with
     */
    ComponentRun(
            RunThreads threads,
            LoadedComponent component,
            Map<Definition.CoreModule, LoadedModule.Code> code,
            RunSpec spec,
            Invocation invocation,
            Duration preparation) {
        this.threads = threads;
        this.component = component;
        this.code = code;
        this.spec = spec;
        this.invocation = invocation;
        this.preparation = preparation;
    }

    /**
     * Runs the component; its timeout starts now.
     *
     * @throws GuestResolutionException when the component imports what the host refuses
     */
    WasiResult run() {
        String run = component.world().run().orElseThrow();
        requireServed(component, spec);
        long start = System.nanoTime();
        return threads.hereOrOnLargeStack(
                () -> new Attempt(run, start).onCallerThread(),
                () -> new Attempt(run, start).onLargeStackThread(),
                "Component " + component.source());
    }

    /**
     * Refuses a component that imports what the WASI 0.2 host does not give, unless {@code
     * wasmguest.imports.unknown} covers such imports.
     *
     * @throws GuestResolutionException naming the component, its refused imports and the setting
     */
    static void requireServed(LoadedComponent component, RunSpec spec) {
        unserved(component, spec).requireCovered(component.world().imports());
    }

    private static UnservedImports unserved(LoadedComponent component, RunSpec spec) {
        return new UnservedImports(spec.imports().policy(), component.source());
    }

    /**
     * The WASI 0.2 host of an instance of {@code component}: what the spec and invocation grant, its output to these
     * streams, and what {@code wasmguest.imports.unknown} makes of the imports it does not serve.
     */
    static Function<String, Optional<HostInstance>> host(
            LoadedComponent component,
            RunSpec spec,
            Invocation invocation,
            OutputStream stdout,
            OutputStream stderr,
            Optional<GuestFiles> files) {
        return unserved(component, spec)
                .around(new WasiHost(new WasiHost.Grants(
                        invocation.argv(),
                        spec.env(),
                        spec.stdinStream(),
                        stdout,
                        stderr,
                        Optional.ofNullable(spec.clock()),
                        Optional.ofNullable(spec.randomSeed()),
                        files.map(GuestFiles::preopens).orElse(List.of()))));
    }

    /**
     * One attempt at the run, everything it does private to it (its instances, captured output, copies of
     * directories), so that an attempt that overflowed the caller's stack is dropped and made again on a large-stack
     * thread, indistinguishable from a first one; the run's timeout counts from the first attempt's start.
     */
    private final class Attempt {

        private final String run;
        private final long start;
        private final GuestEnding ending = new GuestEnding();
        private final ComponentCores cores;
        private final Optional<GuestFiles> files;
        private final Optional<HostConsole> console = Optional.ofNullable(spec.console());
        private final CapturedOutput stdout;
        private final CapturedOutput stderr;
        private volatile boolean stopped;

        Attempt(String run, long start) {
            this.run = run;
            this.start = start;
            this.cores = new ComponentCores(component, code, spec, () -> stopped, () -> ending);
            this.files = GuestFiles.prepare(spec.mounts(), spec.limits().maxMountBytes());
            this.stdout =
                    new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped, console.map(HostConsole::stdout));
            this.stderr =
                    new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped, console.map(HostConsole::stderr));
        }

        /** Runs here, a timer interrupting this thread at the deadline; empty when it overflowed this stack. */
        Optional<WasiResult> onCallerThread() {
            return threads.onCallerThread(
                            this::work, start + spec.limits().timeout().toNanos(), () -> stopped = true, ending)
                    .map(this::finish);
        }

        WasiResult onLargeStackThread() {
            long remaining = Math.max(1, spec.limits().timeout().toNanos() - (System.nanoTime() - start));
            return finish(threads.onLargeStack(this::work, remaining, () -> stopped = true, component.source()));
        }

        /** Instantiates the component and calls its {@code run}; {@code run} returning an error is exit code 1. */
        private void work() {
            Function<String, Optional<HostInstance>> host = host(component, spec, invocation, stdout, stderr, files);
            ending.attempt(
                    () -> {
                        ComponentFunction function = ComponentInstance.instantiate(component.component(), host, cores)
                                .export(run, "run")
                                .orElseThrow(() -> new GuestResolutionException(
                                        component.source(), "its " + run + " export has no function run"));
                        if (((CaseValue) function.call(List.of())).index() != 0) {
                            throw new WasiExitException(1);
                        }
                        return new long[0];
                    },
                    WasiOutcome.EXITED);
        }

        private WasiResult finish(StoppedBy stoppedBy) {
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            cores.rememberMemories();
            List<String> writeBackProblems = files.map(GuestFiles::writeBack).orElse(List.of());
            WasiResult.Builder result = invocation
                    .result()
                    .output(stdout.bytes(), stdout.droppedBytes(), stderr.bytes(), stderr.droppedBytes())
                    .memory(cores.memoryBytes(), spec.limits().maxMemoryBytes())
                    .ranOn(cores.engine(), preparation, duration, spec.limits().timeout())
                    .files(files.map(GuestFiles::fileSystem), writeBackProblems);
            return stoppedBy.stopped()
                    ? result.stopped(stoppedBy.describe(duration, spec.limits().timeout()))
                            .build()
                    : ending.endOn(
                                    result,
                                    console.isEmpty() ? Optional.of(stderr.bytes()) : Optional.empty(),
                                    List.of())
                            .build();
        }
    }
}
