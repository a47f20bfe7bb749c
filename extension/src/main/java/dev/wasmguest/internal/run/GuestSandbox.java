package dev.wasmguest.internal.run;

import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.trace.UnwindingInterpreter;
import dev.wasmguest.internal.wasi.DeterministicTime;
import dev.wasmguest.internal.wasi.FdFlags;
import dev.wasmguest.internal.wasi.ReadOnlyDirectories;
import dev.wasmguest.internal.wasi.Rights;
import dev.wasmguest.internal.wasi.SymlinkCalls;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import run.endive.runtime.HostFunction;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.wasi.WasiOptions;
import run.endive.wasi.WasiPreview1;
import run.endive.wasm.types.MemoryLimits;

/**
 * How a guest's instance is made, for a command's run and for a reactor alike: what its WASI context grants (only
 * what the {@link RunSpec} says: arguments, environment, stdin bytes, private copies of directories; no host
 * streams), the WASI functions as wasmtime behaves, the test's own host functions, and its memory bounds.
 */
final class GuestSandbox {

    private final LoadedModule guest;
    private final LoadedModule.Code code;
    private final RunSpec spec;
    private final Optional<GuestFiles> files;
    private final MemoryLimits memory;
    private final WitBindgenHandles handles = new WitBindgenHandles();

    /**
     * @throws IllegalArgumentException when the module's initial memory is larger than the memory limit
     */
    GuestSandbox(LoadedModule guest, LoadedModule.Code code, RunSpec spec, Optional<GuestFiles> files) {
        this.guest = guest;
        this.code = code;
        this.spec = spec;
        this.files = files;
        this.memory = spec.limits()
                .bound(guest.declaredMemory().orElse(new MemoryLimits(0, 0)), "guest module " + guest.source());
    }

    /** The most memory the guest may have, in bytes. */
    long maxMemoryBytes() {
        return (long) memory.maximumPages() * RunLimits.PAGE_BYTES;
    }

    /** The memory {@code instance} has now, in bytes; 0 for a module without memory. */
    long memoryBytes(Instance instance) {
        return guest.declaredMemory().isPresent() ? (long) instance.memory().pages() * RunLimits.PAGE_BYTES : 0;
    }

    /** The WASI context's options: {@code argv}, and output to these streams. */
    WasiOptions options(List<String> argv, OutputStream stdout, OutputStream stderr) {
        WasiOptions.Builder options = WasiOptions.builder()
                .withArguments(argv)
                .withStdin(spec.stdinStream(), false)
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

    /** The handle tables of the instance, for a module built with wit-bindgen's first ABI. */
    WitBindgenHandles handles() {
        return handles;
    }

    /**
     * An instance of the guest with {@code wasi}; not started.
     *
     * @param stopped checked by the interpreter at every instruction: Endive's interpreter ignores interrupts in
     *        call-free loops
     * @param ran hears of the interpreter that runs the instance, when one does (it keeps a trap's frames), or of
     *        none, for compiled code
     */
    Instance.Builder instance(
            WasiPreview1 wasi, BooleanSupplier stopped, Consumer<Optional<UnwindingInterpreter>> ran) {
        Instance.Builder builder = Instance.builder(code.module())
                .withImportValues(ImportValues.builder()
                        .addFunction(Stream.of(
                                        wasiFunctions(wasi),
                                        handles.link(code.module()),
                                        spec.imports().link(code.module(), guest.source()))
                                .flatMap(Stream::of)
                                .toArray(HostFunction[]::new))
                        .build())
                .withMemoryFactory(FlatMemory.withRoomFor(guest.pagesReached()))
                .withMemoryLimits(memory)
                .withStart(false);
        return machines(builder, code, stopped, ran, UnaryOperator.identity());
    }

    /**
     * Runs an instance with {@code code}: compiled code, which stops at an interrupt, or an interpreter that keeps
     * a trap's frames and checks {@code stopped} at every instruction.
     *
     * @param ran hears of the interpreter, or of none for compiled code
     * @param compiled wraps compiled code's machine
     */
    static Instance.Builder machines(
            Instance.Builder builder,
            LoadedModule.Code code,
            BooleanSupplier stopped,
            Consumer<Optional<UnwindingInterpreter>> ran,
            UnaryOperator<Machine> compiled) {
        if (code.machines().isPresent()) {
            ran.accept(Optional.empty());
            return builder.withMachineFactory(
                    instance -> compiled.apply(code.machines().get().apply(instance)));
        }
        return builder.withMachineFactory(instance -> {
                    UnwindingInterpreter interpreter = new UnwindingInterpreter(instance);
                    ran.accept(Optional.of(interpreter));
                    return interpreter;
                })
                .withUnsafeExecutionListener(RunStoppedException.at(stopped));
    }

    /** Endive's WASI functions, corrected where they differ from wasmtime's. */
    private HostFunction[] wasiFunctions(WasiPreview1 wasi) {
        HostFunction[] functions = wasi.toHostFunctions();
        if (files.isPresent()) {
            // innermost: it calls Endive's path_open directly, under the other corrections
            functions = new SymlinkCalls(files.get().preopenedDirectories(), wasi).apply(functions);
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
        return functions;
    }
}
