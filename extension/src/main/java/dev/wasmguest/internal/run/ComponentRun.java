package dev.wasmguest.internal.run;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.component.CaseValue;
import dev.wasmguest.internal.component.ComponentFunction;
import dev.wasmguest.internal.component.ComponentInstance;
import dev.wasmguest.internal.component.Definition;
import dev.wasmguest.internal.load.LoadedComponent;
import dev.wasmguest.internal.wasip2.WasiHost;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.wasi.WasiExitException;
import run.endive.wasm.WasmModule;

/**
 * Runs a command component once: a fresh component instance on the WASI 0.2 host, bounded like a module's run (its
 * timeout, the memory limit of each core module, captured and capped output, a fixed clock and seeded random when the
 * spec says so), on a large-stack thread. {@code wasi:cli/run} returning an error is exit code 1, as in wasmtime.
 */
final class ComponentRun {

    private final RunThreads threads;
    private final LoadedComponent component;
    private final RunSpec spec;
    private final Invocation invocation;
    private final Duration preparation;
    private final List<Instance> cores = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    private ComponentRun(
            RunThreads threads, LoadedComponent component, RunSpec spec, Invocation invocation, Duration preparation) {
        this.threads = threads;
        this.component = component;
        this.spec = spec;
        this.invocation = invocation;
        this.preparation = preparation;
    }

    /**
     * @throws GuestResolutionException when the run asks for what components cannot have yet: compiled code, or
     *         directories
     */
    static WasiResult run(
            RunThreads threads, LoadedComponent component, RunSpec spec, Invocation invocation, Duration preparation) {
        String run = component.world().run().orElseThrow();
        if (spec.engine() == WasiEngine.COMPILER) {
            throw new GuestResolutionException(
                    component.source(),
                    "components run in the interpreter only so far; use wasmguest.engine=auto or interpreter");
        }
        List<String> refused = component.world().imports().stream()
                .flatMap(name -> WasiHost.refusal(name).stream())
                .toList();
        if (!refused.isEmpty()) {
            throw new GuestResolutionException(
                    component.source(), "the component imports what no host here gives: " + String.join("; ", refused));
        }
        if (!spec.mounts().isEmpty()) {
            throw new GuestResolutionException(
                    component.source(),
                    "granting directories to a component is not supported yet; run the module (wasm32-wasip1)"
                            + " instead to test file access");
        }
        return new ComponentRun(threads, component, spec, invocation, preparation).execute(run);
    }

    private WasiResult execute(String run) {
        Optional<HostConsole> console = Optional.ofNullable(spec.console());
        CapturedOutput stdout =
                new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped, console.map(HostConsole::stdout));
        CapturedOutput stderr =
                new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped, console.map(HostConsole::stderr));
        WasiHost host = new WasiHost(new WasiHost.Grants(
                invocation.argv(),
                spec.env(),
                spec.stdinStream(),
                stdout,
                stderr,
                Optional.ofNullable(spec.clock()),
                Optional.ofNullable(spec.randomSeed())));
        GuestEnding ending = new GuestEnding();
        long start = System.nanoTime();
        StoppedBy stoppedBy = threads.onLargeStack(
                () -> ending.attempt(
                        () -> {
                            ComponentFunction function = ComponentInstance.instantiate(
                                            component.component(), host, new Cores())
                                    .export(run, "run")
                                    .orElseThrow(() -> new GuestResolutionException(
                                            component.source(), "its " + run + " export has no function run"));
                            if (((CaseValue) function.call(List.of())).index() != 0) {
                                throw new WasiExitException(1);
                            }
                            return new long[0];
                        },
                        WasiOutcome.EXITED),
                spec.limits().timeout().toNanos(),
                () -> stopped = true,
                component.source());
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        WasiResult.Builder result = invocation
                .result()
                .output(stdout.bytes(), stdout.droppedBytes(), stderr.bytes(), stderr.droppedBytes())
                .memory(memoryBytes(), spec.limits().maxMemoryBytes())
                .ranOn(
                        WasiEngine.INTERPRETER,
                        preparation,
                        duration,
                        spec.limits().timeout())
                .files(Optional.empty(), List.of());
        return stoppedBy.stopped()
                ? result.stopped(stoppedBy.describe(duration, spec.limits().timeout()))
                        .build()
                : ending.endOn(
                                result,
                                Optional.empty(),
                                console.isEmpty() ? Optional.of(stderr.bytes()) : Optional.empty(),
                                List.of())
                        .build();
    }

    /** The component's core modules, parsed once at load, each run's instances made here. */
    private final class Cores implements ComponentInstance.CoreInstantiator {

        @Override
        public WasmModule parse(Definition.CoreModule module) {
            return component.module(module);
        }

        @Override
        public Instance instantiate(WasmModule parsed, ImportValues imports) {
            return core(parsed, imports);
        }
    }

    /** A core module's instance, in the interpreter, its memory within the limit, stoppable at every instruction. */
    private Instance core(WasmModule module, ImportValues imports) {
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(imports)
                .withStart(false)
                .withMemoryFactory(FlatMemory::create)
                .withUnsafeExecutionListener(RunStoppedException.at(() -> stopped));
        module.memorySection()
                .filter(section -> section.memoryCount() > 0)
                .map(section -> section.getMemory(0).limits())
                .ifPresent(declared -> builder.withMemoryLimits(
                        spec.limits().bound(declared, "a core module of component " + component.source())));
        Instance instance = builder.build();
        if (module.memorySection().filter(section -> section.memoryCount() > 0).isPresent()) {
            cores.add(instance);
        }
        return instance;
    }

    /** The largest memory of the component's core modules when the run ended. */
    private long memoryBytes() {
        return cores.stream()
                .mapToLong(instance -> (long) instance.memory().pages() * RunLimits.PAGE_BYTES)
                .max()
                .orElse(0);
    }
}
