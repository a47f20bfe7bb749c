package dev.wasmguest.internal.run;

import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.component.ComponentFunction;
import dev.wasmguest.internal.component.ComponentInstance;
import dev.wasmguest.internal.component.ValueType;
import dev.wasmguest.internal.component.WitValues;
import dev.wasmguest.internal.load.LoadedComponent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import run.endive.runtime.Instance;

/**
 * One instance of a component kept between calls of its exports, with Java values for their WIT types
 * ({@link WitValues}): made once on the WASI 0.2 host with what the runner grants, within the timeout (its core
 * modules' start functions run then), then each call bounded like a run, its output captured on its own. A call that
 * traps, times out, is interrupted or exits leaves the instance unusable, as a trap leaves a component instance in
 * wasmtime: the component model does not let a caller enter an instance whose state a trap left half-changed.
 * Thread-safe: calls run one at a time.
 */
final class ComponentSession implements InstanceSession {

    private final RunThreads threads;
    private final LoadedComponent component;
    private final RunSpec spec;
    private final Invocation invocation;
    private final Consumer<WasiResult> observer;
    private final Optional<GuestFiles> files;
    private final SwitchableOutput stdout = new SwitchableOutput();
    private final SwitchableOutput stderr = new SwitchableOutput();
    private final ComponentCores cores;
    private final WitValues values = new WitValues(this);
    private final WasiResult initialization;
    private volatile GuestEnding ending = new GuestEnding();
    private volatile boolean stopped;
    private volatile Map<String, ComponentFunction> functions = Map.of();
    /** Why no more calls can be made, or null while they can. */
    private String unusable;

    private boolean ended;

    ComponentSession(
            RunThreads threads,
            LoadedComponent component,
            Map<dev.wasmguest.internal.component.Definition.CoreModule, dev.wasmguest.internal.load.LoadedModule.Code>
                    code,
            RunSpec spec,
            Invocation invocation,
            Duration preparation,
            Consumer<WasiResult> observer) {
        ComponentRun.requireServed(component, spec);
        this.threads = threads;
        this.component = component;
        this.spec = spec;
        this.invocation = invocation;
        this.observer = observer;
        this.files = GuestFiles.prepare(spec.mounts(), spec.limits().maxMountBytes());
        this.cores = new ComponentCores(component, code, spec, () -> stopped, () -> ending);
        var host = ComponentRun.host(component, spec, invocation, stdout, stderr, files);
        this.initialization = timed(
                List.of(),
                () -> {
                    functions = ComponentInstance.instantiate(component.component(), host, cores)
                            .functions();
                    return Optional.empty();
                },
                preparation);
        if (initialization.outcome() != WasiOutcome.RETURNED) {
            unusable = "its instantiation " + GuestEnding.briefly(initialization);
        }
    }

    @Override
    public WasiResult initialization() {
        return initialization;
    }

    @Override
    public Set<String> exportedFunctions() {
        return functions.keySet();
    }

    @Override
    public synchronized WasiResult call(String name, List<?> args) {
        if (unusable != null) {
            throw new IllegalStateException(
                    "component " + component.source() + " cannot be called any more: " + unusable);
        }
        ComponentFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("component " + component.source() + " exports no function \"" + name
                    + "\"; it exports " + (functions.isEmpty() ? "none" : String.join(", ", functions.keySet())));
        }
        List<Object> lowered = TypedArguments.lowered(values, name, function.type(), args, component.source());
        List<String> described = Invocation.call(name, args);
        Optional<ValueType> resultType = function.type().result();
        WasiResult record = timed(
                described,
                () -> {
                    Object result = function.call(lowered);
                    return resultType.map(type -> values.toJava(type, result));
                },
                Duration.ZERO);
        if (record.outcome() != WasiOutcome.RETURNED) {
            unusable = "its call of " + name + " " + GuestEnding.briefly(record);
        }
        return record;
    }

    @Override
    public WasiResult call(String name, String signature, List<?> args) {
        throw new IllegalArgumentException("component " + component.source() + " declares its functions' types; call"
                + " \"" + name + "\" with call(name, args...) instead of giving a WIT signature");
    }

    @Override
    public synchronized byte[] readMemory(long address, int length) {
        return MemoryAccess.read(memory().memory(), address, length, component.source());
    }

    @Override
    public synchronized void writeMemory(long address, byte[] bytes) {
        MemoryAccess.write(memory().memory(), address, bytes, component.source());
    }

    /** The program's memory: that of the core instance with the largest one. */
    private Instance memory() {
        return cores.largestMemory()
                .orElseThrow(() -> new IllegalStateException(
                        "component " + component.source() + " has no core module with a memory"));
    }

    @Override
    public synchronized List<String> end() {
        if (ended) {
            return List.of();
        }
        ended = true;
        unusable = "it was closed";
        return files.map(GuestFiles::writeBack).orElse(List.of());
    }

    /** Runs component code on a large-stack thread within the timeout, its output captured on its own. */
    private WasiResult timed(List<String> called, Supplier<Optional<Object>> work, Duration preparation) {
        CapturedOutput out = new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped);
        CapturedOutput err = new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped);
        stdout.switchTo(out);
        stderr.switchTo(err);
        GuestEnding call = new GuestEnding();
        ending = call;
        cores.ranIn(call);
        AtomicReference<Optional<Object>> returned = new AtomicReference<>(Optional.empty());
        long start = System.nanoTime();
        StoppedBy stoppedBy = threads.onLargeStack(
                () -> call.attempt(
                        () -> {
                            returned.set(work.get());
                            return new long[0];
                        },
                        WasiOutcome.RETURNED),
                spec.limits().timeout().toNanos(),
                () -> stopped = true,
                component.source());
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        WasiResult.Builder result = invocation
                .withArgv(called)
                .result()
                .output(out.bytes(), out.droppedBytes(), err.bytes(), err.droppedBytes())
                .memory(cores.memoryBytes(), spec.limits().maxMemoryBytes())
                .ranOn(cores.engine(), preparation, duration, spec.limits().timeout())
                .files(files.map(GuestFiles::fileSystem), List.of());
        if (stoppedBy.stopped()) {
            result.stopped(stoppedBy.describe(duration, spec.limits().timeout()));
        } else {
            call.endOn(result, Optional.of(err.bytes()), List.of());
            if (call.outcome == WasiOutcome.RETURNED) {
                returned.get().ifPresent(result::returnedValue);
            }
        }
        WasiResult record = result.build();
        observer.accept(record);
        return record;
    }
}
