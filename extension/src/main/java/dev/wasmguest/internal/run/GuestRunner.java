package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.coverage.CoverageFiles;
import dev.wasmguest.internal.load.ComponentWorld;
import dev.wasmguest.internal.load.GuestShape;
import dev.wasmguest.internal.load.LoadedComponent;
import dev.wasmguest.internal.load.LoadedGuest;
import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.load.ModuleInterface;
import dev.wasmguest.internal.load.ModuleLoader;
import dev.wasmguest.internal.util.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A module with all a run needs besides: what the guest is given, the threads that run it, and who hears of each
 * result. The framework-free core of the public {@code WasiRunner}, which is a facade over it, and what the JUnit
 * layer configures. Immutable and thread-safe; runners derived from one share its module and threads.
 */
@API(status = INTERNAL, since = "0.1")
public final class GuestRunner {

    private final ModuleLoader.Handle guest;
    private final RunThreads threads;
    private final RunSpec spec;
    private final Consumer<WasiResult> observer;
    private final Optional<Supplier<String>> testNamer;

    private GuestRunner(
            ModuleLoader.Handle guest,
            RunThreads threads,
            RunSpec spec,
            Consumer<WasiResult> observer,
            Optional<Supplier<String>> testNamer) {
        this.guest = guest;
        this.threads = threads;
        this.spec = spec;
        this.observer = observer;
        this.testNamer = testNamer;
    }

    /** A runner of {@code guest} with its own threads, heard by no one. */
    public static GuestRunner of(ModuleLoader.Handle guest, RunSpec spec) {
        return new GuestRunner(guest, new RunThreads(guest.source().fileName()), spec, record -> {}, Optional.empty());
    }

    public ModuleLoader.Handle guest() {
        return guest;
    }

    public RunSpec spec() {
        return spec;
    }

    /** This runner with other run settings. */
    /** This runner of the same module with coverage counters, its runs' coverage merged into {@code files}. */
    public GuestRunner counted(CoverageFiles files) {
        return new GuestRunner(guest.counted(files), threads, spec, observer, testNamer);
    }

    public GuestRunner withSpec(RunSpec changed) {
        return new GuestRunner(guest, threads, changed, observer, testNamer);
    }

    /**
     * This runner as given to a test: {@code next} hears of every result too (for reports), and results are named
     * by {@code namer} (for snapshots) when it is present.
     */
    public GuestRunner inTest(Consumer<WasiResult> next, Optional<Supplier<String>> namer) {
        return new GuestRunner(guest, threads, spec, observer.andThen(next), namer.or(() -> testNamer));
    }

    /**
     * Runs the guest once: waits for its module to be prepared (bounded by the prepare timeout), then runs it in a
     * fresh instance on the calling thread. An interrupt while waiting gives a record of a run stopped before it
     * started, and the thread stays interrupted.
     *
     * @throws GuestResolutionException when the module cannot be prepared, or not within the prepare timeout
     * @throws IllegalArgumentException when the module's initial memory exceeds the memory limit
     */
    public WasiResult run() {
        long asked = System.nanoTime();
        long deadline = asked + spec.limits().prepareTimeout().toNanos();
        try {
            LoadedGuest prepared = prepared(deadline, this::requireCommand);
            if (prepared instanceof LoadedComponent component) {
                return observed(new ComponentRun(
                                threads,
                                component,
                                component.codeFor(spec.engine(), deadline),
                                spec,
                                invocation(component.source(), component.fileName()),
                                since(asked))
                        .run());
            }
            return observed(GuestExecution.run(request((LoadedModule) prepared, asked, deadline)));
        } catch (TimeoutException e) {
            throw preparationTooSlow(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            StoppedBy interrupt = StoppedBy.INTERRUPT_BEFORE_START;
            return observed(invocation(guest.source().describe(), guest.source().fileName())
                    .result()
                    .stopped(interrupt.describe(Duration.ZERO, spec.limits().timeout()))
                    .memory(0, spec.limits().maxMemoryBytes())
                    .ranOn(
                            spec.engine(),
                            since(asked),
                            Duration.ZERO,
                            spec.limits().timeout())
                    .build());
        }
    }

    /**
     * Makes one instance of the module to call its exported functions, as a library module (a WASI reactor) is used:
     * waits for the module to be prepared, then instantiates it and runs {@code _initialize}, if it exports one. What
     * the instance is given (arguments, environment, stdin, directories) and its limits are this runner's; the
     * timeout bounds {@code _initialize} and each call.
     *
     * @throws GuestResolutionException when the module cannot be prepared, or not within the prepare timeout, or it
     *         imports functions nobody provides, or the caller is interrupted while waiting (its interrupt status is
     *         kept)
     * @throws IllegalArgumentException when the module's initial memory exceeds the memory limit
     */
    public InstanceSession instantiate() {
        long asked = System.nanoTime();
        long deadline = asked + spec.limits().prepareTimeout().toNanos();
        try {
            LoadedGuest prepared = prepared(deadline, this::requireLinkableModule);
            if (prepared instanceof LoadedComponent component) {
                return new ComponentSession(
                        threads,
                        component,
                        component.codeFor(spec.engine(), deadline),
                        spec,
                        invocation(component.source(), component.fileName()),
                        since(asked),
                        observer);
            }
            return ReactorSession.open(request((LoadedModule) prepared, asked, deadline), observer);
        } catch (TimeoutException e) {
            throw preparationTooSlow(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestResolutionException(
                    guest.source().describe(),
                    "interrupted while the module was being prepared; the preparation goes on for later uses",
                    e);
        }
    }

    /**
     * Waits for the guest until {@code deadline}: first for what it exports and imports, which {@code requirement} may
     * refuse before the guest is parsed, then for the guest itself.
     *
     * @throws GuestResolutionException when the guest cannot be prepared or is refused
     */
    private LoadedGuest prepared(long deadline, Consumer<GuestShape> requirement)
            throws InterruptedException, TimeoutException {
        requirement.accept(guest.awaitInterface(deadline));
        return guest.await(deadline);
    }

    /** A run of {@code prepared} with the code of the engine the spec asks for, waiting for it until {@code deadline}. */
    private GuestExecution.Request request(LoadedModule prepared, long asked, long deadline)
            throws InterruptedException, TimeoutException {
        LoadedModule.Code code = prepared.codeFor(spec.engine(), deadline);
        return new GuestExecution.Request(
                threads, prepared, code, spec, invocation(prepared.source(), prepared.fileName()), since(asked));
    }

    /** Refuses a module whose imports nobody provides; a component's imports are checked once it is parsed. */
    private void requireLinkableModule(GuestShape shape) {
        if (shape instanceof ModuleInterface module) {
            spec.imports().requireLinkable(guest.source().describe(), module);
        }
    }

    /**
     * Refuses, before the guest is parsed, a module that is no WASI command or imports what nobody provides, and a
     * component that does not export {@code wasi:cli/run}.
     */
    private void requireCommand(GuestShape guestShape) {
        String source = guest.source().describe();
        if (guestShape instanceof ComponentWorld world) {
            if (world.run().isEmpty()) {
                throw new GuestResolutionException(
                        source,
                        "the component exports no wasi:cli/run, so it is not a command (" + world.description() + ")");
            }
            return;
        }
        ModuleInterface shape = (ModuleInterface) guestShape;
        if (!shape.isCommand()) {
            String reactor = shape.hasInitialize()
                    ? ": it is a WASI reactor (a library module: it exports _initialize and functions to call)"
                    : "";
            throw new GuestResolutionException(
                    source,
                    "the module exports no _start function, so it is not a WASI command" + reactor
                            + ". Its exported functions: "
                            + (shape.exportedFunctions().isEmpty()
                                    ? "none"
                                    : String.join(", ", shape.exportedFunctions()))
                            + ". Call them with WasiRunner.instantiate() and WasiInstance.call(name, args...), or a"
                            + " WasiInstance parameter with @WasmGuest; or, to run it as a program, build it as an"
                            + " executable (e.g. clang --target=wasm32-wasi without -mexec-model=reactor or"
                            + " -Wl,--no-entry)");
        }
        spec.imports().requireLinkable(source, shape);
    }

    private Invocation invocation(String source, String fileName) {
        return new Invocation(source, spec.argv(fileName), spec.env(), testNamer.map(Supplier::get));
    }

    private WasiResult observed(WasiResult record) {
        observer.accept(record);
        return record;
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private GuestResolutionException preparationTooSlow(TimeoutException cause) {
        String key = WasmGuestSetting.PREPARE_TIMEOUT.key();
        return new GuestResolutionException(
                guest.source().describe(),
                "preparing the module took longer than " + key + " ("
                        + Durations.describe(spec.limits().prepareTimeout())
                        + "); it goes on in the background and its result will be cached. Raise " + key + ", or use "
                        + WasmGuestSetting.ENGINE.key() + "=auto so that runs start in the interpreter meanwhile",
                cause);
    }
}
