package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.load.ModuleInterface;
import dev.wasmguest.internal.trace.UnwindingInterpreter;
import dev.wasmguest.internal.wasi.WasiCallLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import run.endive.runtime.Instance;
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
public final class ReactorSession {

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

    private volatile Optional<UnwindingInterpreter> interpreter = Optional.empty();
    private final GuestSandbox sandbox;
    private volatile boolean stopped;
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
                request.preparation());
        if (initialization.outcome() != WasiOutcome.RETURNED) {
            String stage = instance == null
                    ? "its instantiation (start function and data)"
                    : "its " + ModuleInterface.INITIALIZE;
            unusable = stage + " " + ending(initialization);
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
     * Calls the exported function {@code name} with {@code args}, each converted to the type the function declares
     * (an {@code i32} takes {@link Number#intValue()}, an {@code f64} {@link Number#doubleValue()}, ...).
     *
     * @throws IllegalArgumentException when the module exports no such function, or the arguments do not fit its type
     * @throws IllegalStateException when the instance cannot be called any more, saying why
     */
    public synchronized WasiResult call(String name, List<Number> args) {
        if (unusable != null) {
            throw new IllegalStateException(
                    "guest module " + guest.source() + " cannot be called any more: " + unusable);
        }
        FunctionType type = typeOf(name);
        long[] encoded = encode(name, type, args);
        List<String> described = new ArrayList<>();
        described.add(name);
        args.forEach(arg -> described.add(String.valueOf(arg)));
        WasiResult record = timed(described, () -> instance.export(name).apply(encoded), type.returns(), Duration.ZERO);
        if (record.outcome() == WasiOutcome.TIMED_OUT || record.outcome() == WasiOutcome.EXITED) {
            unusable = "its call of " + name + " " + ending(record);
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

    private FunctionType typeOf(String name) {
        if (!exportedFunctions().contains(name)) {
            throw new IllegalArgumentException("guest module " + guest.source() + " exports no function \"" + name
                    + "\"; it exports " + String.join(", ", exportedFunctions()));
        }
        return instance.exportType(name);
    }

    private long[] encode(String name, FunctionType type, List<Number> args) {
        if (args.size() != type.params().size()) {
            throw new IllegalArgumentException("function \"" + name + "\" of guest module " + guest.source()
                    + " takes " + type.params().size() + " argument"
                    + (type.params().size() == 1 ? "" : "s") + " "
                    + describe(type) + ", got " + args.size() + ": " + args);
        }
        long[] encoded = new long[args.size()];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = NumericValues.encode(type.params().get(i), args.get(i), name, i);
        }
        return encoded;
    }

    private static String describe(FunctionType type) {
        return type.params().stream().map(NumericValues::name).collect(Collectors.joining(", ", "(", ")")) + " -> "
                + type.returns().stream().map(NumericValues::name).collect(Collectors.joining(", ", "(", ")"));
    }

    /** How a call ended, in one line: a trap without its backtrace, which the result gives. */
    private static String ending(WasiResult call) {
        return call.trapped() ? "trapped: " + call.trap().orElseThrow() : call.describeOutcome();
    }

    /** Runs guest code on a large-stack thread within the timeout, its output captured on its own. */
    private WasiResult timed(
            List<String> called, GuestEnding.GuestCode work, List<ValType> returns, Duration preparation) {
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
        WasiResult.Builder result = invocation
                .withArgv(called)
                .result()
                .output(out.bytes(), out.droppedBytes(), err.bytes(), err.droppedBytes())
                .memory(instance != null ? sandbox.memoryBytes(instance) : 0, sandbox.maxMemoryBytes())
                .ranOn(code.engine(), preparation, duration, spec.limits().timeout())
                .files(files.map(GuestFiles::fileSystem), List.of());
        WasiResult record = stoppedBy.stopped()
                ? result.stopped(stoppedBy.describe(duration, spec.limits().timeout()))
                        .build()
                : ending.endOn(result, Optional.of(err.bytes()), returns).build();
        observer.accept(record);
        return record;
    }
}
