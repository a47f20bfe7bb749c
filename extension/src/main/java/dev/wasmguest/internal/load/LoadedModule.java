package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.internal.coverage.CoverageRecorder;
import dev.wasmguest.internal.trace.InstructionLocator;
import dev.wasmguest.internal.trace.ModuleSymbols;
import dev.wasmguest.internal.util.Lazy;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.MemoryLimits;

/**
 * A parsed, validated WASI command, ready to run in Endive's interpreter, and its compiled code once there is
 * some. Created once per module and JVM, shared by every run and thread: Endive's parsed module and compiled code
 * are immutable, and every run builds its own {@link Instance}.
 *
 * <p>Compiled code is its {@link Translation}'s: loaded from the compiled-code cache, or translated on a thread of
 * its own and stored there. Which engine a run gets is {@link EngineChoice}'s decision, asked by {@link #codeFor}
 * before the run starts.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadedModule implements LoadedGuest {

    private final String source;
    private final String fileName;
    private final String sha256;
    private final byte[] bytes;
    private final Lazy<WasmModule> everyBody;
    private final Lazy<ModuleLayout> layout;
    private final Lazy<ModuleSymbols> symbols;
    private final ModuleInterface moduleInterface;
    private final Translation translation;
    private final WasmModule module;
    /** Made on the first trap in compiled code, once that code is there. */
    private final Lazy<InstructionMap> instructions;
    /** The most pages a run's memory has reached, so that later runs' memories start with room for them. */
    private final java.util.concurrent.atomic.AtomicInteger pagesReached;
    /** What the counters stand for and where runs' coverage goes, when coverage counters were put into the module. */
    private final Optional<CoverageRecorder> coverage;

    /**
     * @param module the module as parsed: every body decoded, unless {@code loaded} is compiled code, in which
     *        case only the bodies that code interprets need be
     * @param loaded compiled code from the cache, if there was some
     * @param moduleInterface what the module exports and imports, as its preparation read it first
     */
    LoadedModule(
            String source,
            String fileName,
            String sha256,
            byte[] bytes,
            WasmModule module,
            ModuleInterface moduleInterface,
            Optional<CompiledCode> loaded,
            Optional<CompiledCodeCache> cache) {
        this.source = source;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.bytes = bytes;
        this.module = module;
        // A module parsed for cached code lacks most bodies; the interpreter needs them all (validated before).
        this.everyBody = loaded.isPresent()
                ? Lazy.of(() -> ModuleParser.parse(bytes, module.digest(), false))
                : Lazy.of(() -> module);
        this.layout = Lazy.of(() -> ModuleLayout.of(bytes));
        this.symbols = Lazy.of(() -> ModuleSymbols.of(module, layout.get().codeStart(), layout.get()::bodyStart));
        this.moduleInterface = moduleInterface;
        this.translation = new Translation(
                source,
                fileName,
                sha256,
                bytes,
                ModuleLoader.subject(source, bytes.length),
                module,
                everyBody,
                layout,
                cache,
                loaded);
        this.instructions = Lazy.of(() -> new InstructionMap(
                source,
                bytes,
                module.importSection().count(ExternalType.FUNCTION),
                translation.code().join()));
        this.pagesReached = new java.util.concurrent.atomic.AtomicInteger();
        this.coverage = Optional.empty();
    }

    private LoadedModule(LoadedModule copy, Optional<CoverageRecorder> coverage, Supplier<CodeOrigin> origin) {
        this.source = copy.source;
        this.fileName = copy.fileName;
        this.sha256 = copy.sha256;
        this.bytes = copy.bytes;
        this.module = copy.module;
        this.everyBody = copy.everyBody;
        this.layout = copy.layout;
        this.symbols = Lazy.of(() -> {
            CodeOrigin from = origin.get();
            return ModuleSymbols.ofCopy(
                    copy.module,
                    from.original().codeStart(),
                    from.original()::bodyStart,
                    from.offset(),
                    from.function());
        });
        this.moduleInterface = copy.moduleInterface;
        this.translation = copy.translation;
        this.instructions = copy.instructions;
        this.pagesReached = copy.pagesReached;
        this.coverage = coverage;
    }

    /**
     * This module, a copy of the original (with coverage counters that {@code coverage} reads, or with its large
     * functions split); backtraces name the original's functions, offsets and lines, through {@code origin}, asked for
     * on the first backtrace.
     */
    LoadedModule asCopy(Optional<CoverageRecorder> coverage, Supplier<CodeOrigin> origin) {
        return new LoadedModule(this, coverage, origin);
    }

    /** What reads the module's coverage counters; empty when it has none (coverage is off). */
    public Optional<CoverageRecorder> coverage() {
        return coverage;
    }

    /** What the module exports and imports. */
    public ModuleInterface moduleInterface() {
        return moduleInterface;
    }

    /** The module's function names and source lines, for backtraces; read on first use. */
    public ModuleSymbols symbols() {
        return symbols.get();
    }

    /**
     * Which WebAssembly instruction each frame of this module's compiled code was at, from its stack trace's line
     * numbers; every frame unknown while there is no compiled code.
     */
    public InstructionLocator instructionLocator() {
        return translation.ready() ? instructions.get() : InstructionLocator.NONE;
    }

    /** How an engine runs this module: the module to instantiate, and compiled code's machines, if any. */
    public record Code(WasiEngine engine, WasmModule module, Optional<Function<Instance, Machine>> machines) {}

    /**
     * The code for a run that asked for {@code requested}, as {@link EngineChoice} decides: the interpreter, or
     * compiled code, waiting for a translation in progress until {@code deadline}.
     *
     * @param deadline a {@link System#nanoTime()} value
     * @throws InterruptedException when the caller is interrupted while waiting; the translation goes on
     * @throws TimeoutException when a translation is not done by the deadline; it goes on
     * @throws GuestResolutionException when Endive's compiler rejects the module and compiled code was required
     */
    public Code codeFor(WasiEngine requested, long deadline) throws InterruptedException, TimeoutException {
        if (requested == WasiEngine.INTERPRETER) {
            return interpreter();
        }
        CompletableFuture<CompiledCode> code = translation.code();
        if (!EngineChoice.compiled(
                requested, translation.ready(), !code.isDone(), layout.get().codeBytes())) {
            return interpreter(); // the translation failed (a compiler run says why) or is not worth waiting for
        }
        try {
            return compiled(code.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            throw translationFailure(e.getCause());
        }
    }

    private Code interpreter() {
        return new Code(WasiEngine.INTERPRETER, everyBody.get(), Optional.empty());
    }

    private Code compiled(CompiledCode code) {
        return new Code(WasiEngine.COMPILER, module, Optional.of(code.machines()));
    }

    /** The compiled code, loaded or being translated; the first call starts the translation. */
    CompletableFuture<CompiledCode> compiledCode() {
        return translation.code();
    }

    private GuestResolutionException translationFailure(Throwable failure) {
        if (failure instanceof GuestResolutionException) {
            return (GuestResolutionException) failure;
        }
        String reason = failure instanceof WasmEngineException
                ? "Endive's compiler rejected the module: "
                : "translating the module failed: ";
        return new GuestResolutionException(
                source, reason + failure.getMessage() + "; try wasmguest.engine=interpreter", failure);
    }

    /**
     * The module's digest, {@code sha256:<hex>}: also the name of its compiled code's class loader, which tells its
     * frames in a JVM stack trace from other modules'.
     */
    public String digest() {
        return "sha256:" + sha256;
    }

    /** How messages name the module. */
    public String source() {
        return source;
    }

    /** The default {@code argv[0]}. */
    public String fileName() {
        return fileName;
    }

    /** The memory the module declares, if it has one of its own. */
    public Optional<MemoryLimits> declaredMemory() {
        return module.memorySection()
                .filter(section -> section.memoryCount() > 0)
                .map(section -> section.getMemory(0).limits());
    }

    /** The most pages of memory a run of this module has reached so far; 0 before the first. */
    public int pagesReached() {
        return pagesReached.get();
    }

    /** Remembers that a run's memory reached {@code pages}. Thread-safe. */
    public void reached(int pages) {
        pagesReached.accumulateAndGet(pages, Math::max);
    }
}
