package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiCoverage;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.component.WitSignature;
import dev.wasmguest.internal.component.WitValues;
import dev.wasmguest.internal.coverage.CoverageRecorder;
import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.load.ModuleInterface;
import dev.wasmguest.internal.trace.UnwindingInterpreter;
import dev.wasmguest.internal.wasi.WasiCallLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.wasi.WasiPreview1;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.ValType;

/**
 * One instance of a module kept between calls, as a library module (a WASI reactor) is used: made once with its WASI
 * context ({@link GuestSandbox}), {@code _initialize} run first when the module exports it, then its exported
 * functions called with numbers. Each call is bounded like a run (its own timeout, the instance's memory limit, its
 * own captured output) and gives a {@link WasiResult}. Calls run one at a time, on a large-stack thread; a call that
 * is stopped (timeout, interrupt) or that ends the guest ({@code proc_exit}) leaves the instance unusable.
 * Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReactorSession implements InstanceSession {

    private final RunThreads threads;
    private final LoadedModule guest;
    private final LoadedModule.Code code;
    private final RunSpec spec;
    private final Invocation invocation;
    private final Consumer<WasiResult> observer;
    private final Optional<GuestFiles> files;
    private final SwitchableOutput stdout = new SwitchableOutput();
    private final SwitchableOutput stderr = new SwitchableOutput();
    private final WasiPreview1 wasi;
    /** Made by the initialization, on a large-stack thread; null when making it failed. */
    private volatile Instance instance;
    /** The coverage counters after the last call; null before the first. */
    private volatile long[] counted;

    private volatile Optional<UnwindingInterpreter> interpreter = Optional.empty();
    private final GuestSandbox sandbox;
    private volatile boolean stopped;
    private final WitValues values = new WitValues(this);
    /** Why no more calls can be made, or null while they can. */
    private String unusable;

    private boolean ended;
    private final WasiResult initialization;

    private ReactorSession(GuestExecution.Request request, Consumer<WasiResult> observer) {
        this.threads = request.threads();
        this.guest = request.guest();
        this.code = request.code();
        this.spec = request.spec();
        this.invocation = request.invocation();
        this.observer = observer;
        this.files = GuestFiles.prepare(spec.mounts(), spec.limits().maxMountBytes());
        this.sandbox = new GuestSandbox(guest, code, spec, files);
        this.wasi = WasiPreview1.builder()
                .withLogger(WasiCallLog.INSTANCE)
                .withOptions(sandbox.options(invocation.argv(), stdout, stderr))
                .build();
        boolean initializes = guest.moduleInterface().hasInitialize();
        // Made within the timeout, like a run's instance: a start function or data segment may trap or loop.
        this.initialization = timed(
                initializes ? List.of(ModuleInterface.INITIALIZE) : List.of(),
                () -> {
                    instance = sandbox.instance(wasi, () -> stopped, machine -> interpreter = machine)
                            .build();
                    return initializes
                            ? instance.export(ModuleInterface.INITIALIZE).apply()
                            : new long[0];
                },
                List.of(),
                request.preparation(),
                Optional::empty);
        if (initialization.outcome() != WasiOutcome.RETURNED) {
            String stage = instance == null
                    ? "its instantiation (start function and data)"
                    : "its " + ModuleInterface.INITIALIZE;
            unusable = stage + " " + GuestEnding.briefly(initialization);
        }
    }

    /**
     * Makes the instance and runs {@code _initialize}, if the module exports it; the request's invocation names the
     * arguments and environment the WASI context gives.
     *
     * @param observer hears of every call's record, the initialization's first
     * @throws IllegalArgumentException when the module's initial memory exceeds the memory limit, or the mounted
     *         host directories hold more than their limit
     */
    public static ReactorSession open(GuestExecution.Request request, Consumer<WasiResult> observer) {
        return new ReactorSession(request, observer);
    }

    /** How {@code _initialize} ended; a record of a call that returned nothing when the module exports none. */
    public WasiResult initialization() {
        return initialization;
    }

    /** The names of the module's exported functions, in its order. */
    public Set<String> exportedFunctions() {
        return guest.moduleInterface().exportedFunctions();
    }

    /**
     * Calls the exported function {@code name}: with numbers for a function of core types, or with Java values for the
     * WIT types of a wit-bindgen export whose name spells out its signature ({@code name: func(...)}).
     */
    @Override
    public synchronized WasiResult call(String name, List<?> args) {
        requireUsable();
        if (exportedFunctions().contains(name)) {
            return numeric(name, numbers(name, args));
        }
        Optional<String> spelled = exportedFunctions().stream()
                .filter(export -> export.startsWith(name + ": func"))
                .findFirst();
        if (spelled.isPresent()) {
            return typed(spelled.get(), name, WitSignature.parse(spelled.get()), args);
        }
        throw noSuchFunction(name);
    }

    @Override
    public synchronized WasiResult call(String name, String signature, List<?> args) {
        requireUsable();
        if (!exportedFunctions().contains(name)) {
            throw noSuchFunction(name);
        }
        return typed(name, name, WitSignature.parse(signature), args);
    }

    @Override
    public synchronized byte[] readMemory(long address, int length) {
        return MemoryAccess.read(memory(), address, length, guest.source());
    }

    @Override
    public synchronized void writeMemory(long address, byte[] bytes) {
        MemoryAccess.write(memory(), address, bytes, guest.source());
    }

    private Memory memory() {
        requireUsable();
        if (instance.memory() == null) {
            throw new IllegalStateException("guest module " + guest.source() + " has no memory");
        }
        return instance.memory();
    }

    private void requireUsable() {
        if (unusable != null) {
            throw new IllegalStateException(
                    "guest module " + guest.source() + " cannot be called any more: " + unusable);
        }
    }

    private WasiResult numeric(String name, List<Number> args) {
        FunctionType type = instance.exportType(name);
        long[] encoded = encode(name, type, args);
        List<String> described = Invocation.call(name, args);
        return ended(
                name,
                timed(
                        described,
                        () -> instance.export(name).apply(encoded),
                        type.returns(),
                        Duration.ZERO,
                        Optional::empty));
    }

    /** A call with Java values for the WIT types of {@code signature}, through the canonical ABI. */
    private WasiResult typed(
            String export, String name, dev.wasmguest.internal.component.FunctionType signature, List<?> args) {
        WitBindgenCall call = new WitBindgenCall(instance, exportedFunctions(), sandbox.handles(), export, name);
        call.requireFits(signature, guest.source());
        List<Object> lowered = TypedArguments.lowered(values, name, signature, args, guest.source());
        List<String> described = Invocation.call(name, args);
        AtomicReference<Optional<Object>> returned = new AtomicReference<>(Optional.empty());
        GuestEnding.GuestCode work = () -> {
            Object result = call.call(signature, lowered);
            returned.set(signature.result().map(type -> values.toJava(type, result)));
            return new long[0];
        };
        return ended(name, timed(described, work, List.of(), Duration.ZERO, returned::get));
    }

    private List<Number> numbers(String name, List<?> args) {
        List<Number> numbers = new ArrayList<>();
        for (Object arg : args) {
            if (!(arg instanceof Number number)) {
                throw new IllegalArgumentException("function \"" + name + "\" of guest module " + guest.source()
                        + " takes numbers " + NumericValues.describe(instance.exportType(name)) + ", got " + args
                        + ". A function"
                        + " that wit-bindgen made takes WIT values: give its signature with callWit(name, signature,"
                        + " args...)");
            }
            numbers.add(number);
        }
        return numbers;
    }

    private IllegalArgumentException noSuchFunction(String name) {
        return new IllegalArgumentException("guest module " + guest.source() + " exports no function \"" + name
                + "\"; it exports " + String.join(", ", exportedFunctions()));
    }

    /** {@code record}, after which a call that timed out or exited leaves the instance unusable. */
    private WasiResult ended(String name, WasiResult record) {
        if (record.outcome() == WasiOutcome.TIMED_OUT || record.outcome() == WasiOutcome.EXITED) {
            unusable = "its call of " + name + " " + GuestEnding.briefly(record);
        }
        return record;
    }

    /**
     * Ends the instance: brings the guest's read-write directories back to the host.
     *
     * @return what could not be brought back, each naming the file; empty when all was
     */
    public synchronized List<String> end() {
        if (ended) {
            return List.of();
        }
        ended = true;
        unusable = "it was closed";
        wasi.close();
        return files.map(GuestFiles::writeBack).orElse(List.of());
    }

    private long[] encode(String name, FunctionType type, List<Number> args) {
        if (args.size() != type.params().size()) {
            throw new IllegalArgumentException("function \"" + name + "\" of guest module " + guest.source()
                    + " takes " + type.params().size() + " argument"
                    + (type.params().size() == 1 ? "" : "s") + " "
                    + NumericValues.describe(type) + ", got " + args.size() + ": " + args);
        }
        long[] encoded = new long[args.size()];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = NumericValues.encode(type.params().get(i), args.get(i), name, i);
        }
        return encoded;
    }

    /** What the coverage counters counted since the last call (or the instance's making), when the module has them. */
    private Optional<WasiCoverage> countedByThisCall() {
        if (guest.coverage().isEmpty() || instance == null) {
            return Optional.empty();
        }
        CoverageRecorder recorder = guest.coverage().get();
        long[] now = CounterValues.read(instance, recorder.map());
        long[] before = counted == null ? new long[now.length] : counted;
        counted = now;
        return Optional.of(recorder.record(CounterValues.since(before, now)));
    }

    /** Runs guest code on a large-stack thread within the timeout, its output captured on its own. */
    private WasiResult timed(
            List<String> called,
            GuestEnding.GuestCode work,
            List<ValType> returns,
            Duration preparation,
            Supplier<Optional<Object>> typedResult) {
        CapturedOutput out = new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped);
        CapturedOutput err = new CapturedOutput(spec.limits().maxOutputBytes(), () -> stopped);
        stdout.switchTo(out);
        stderr.switchTo(err);
        GuestEnding ending = new GuestEnding();
        long start = System.nanoTime();
        StoppedBy stoppedBy = threads.onLargeStack(
                () -> ending.attempt(work, WasiOutcome.RETURNED),
                spec.limits().timeout().toNanos(),
                () -> stopped = true,
                guest.source());
        ending.ran(guest, interpreter); // known only once the instance is made, by the initialization's work
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        Optional<WasiCoverage> coverage = countedByThisCall();
        WasiResult.Builder result = invocation
                .withArgv(called)
                .result()
                .output(out.bytes(), out.droppedBytes(), err.bytes(), err.droppedBytes())
                .memory(instance != null ? sandbox.memoryBytes(instance) : 0, sandbox.maxMemoryBytes())
                .ranOn(code.engine(), preparation, duration, spec.limits().timeout())
                .files(files.map(GuestFiles::fileSystem), List.of());
        coverage.ifPresent(result::coverage);
        if (stoppedBy.stopped()) {
            result.stopped(stoppedBy.describe(duration, spec.limits().timeout()));
        } else {
            ending.endOn(result, Optional.of(err.bytes()), returns);
            if (ending.outcome == WasiOutcome.RETURNED) {
                typedResult.get().ifPresent(result::returnedValue);
            }
        }
        WasiResult record = result.build();
        observer.accept(record);
        return record;
    }
}
