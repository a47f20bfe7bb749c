package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.internal.trace.InstructionLocator;
import dev.wasmguest.internal.trace.ModuleSymbols;
import dev.wasmguest.internal.util.Background;
import dev.wasmguest.internal.util.Lazy;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.NameCustomSection;

/**
 * A parsed, validated WASI command, ready to run in Endive's interpreter, and its compiled code once there is
 * some. Created once per module and JVM, shared by every run and thread: Endive's parsed module and compiled code
 * are immutable, and every run builds its own {@link Instance}.
 *
 * <p>Compiled code comes from the compiled-code cache, or from a translation on a thread of its own: no run's
 * timeout or interrupt ever reaches it, and its result is stored in the cache whatever happens to the run that
 * started it. Which engine a run gets is decided by {@link #codeFor}, before the run starts.
 */
@API(status = INTERNAL, since = "0.1")
public final class PreparedGuest {

    private static final System.Logger LOG = System.getLogger(PreparedGuest.class.getName());

    /** Translation recurses on its thread's stack over nested blocks; a large stack spares deep modules. */
    private static final long TRANSLATION_STACK_BYTES = 64L * 1024 * 1024;

    private static final int LISTED_FUNCTIONS = 10;

    /** How long an ending JVM waits for a translation in progress, so that later JVMs can use its result. */
    static final Duration FINISH_BEFORE_EXIT = Duration.ofMinutes(2);

    /**
     * Below this much code, {@link WasiEngine#AUTO} waits for the translation instead of interpreting: it takes a
     * fraction of a second (Endive translates about 1.5 MB of WebAssembly code a second here), while the
     * interpreter is 10 to 100 times slower than compiled code (flite, 196 KB of code: translated and run in 0.5 s,
     * interpreted in 1.2 s).
     */
    static final int AUTO_WAITS_BELOW_CODE_BYTES = 1 << 20;

    private final String source;
    private final String fileName;
    private final String sha256;
    private final byte[] bytes;
    private final Lazy<WasmModule> everyBody;
    private final Lazy<ModuleLayout> layout;
    private final Lazy<ModuleSymbols> symbols;
    private final ModuleInterface moduleInterface;
    private final Optional<CompiledCodeCache> cache;
    private final AtomicReference<CompletableFuture<CompiledCode>> compiled = new AtomicReference<>();
    private final WasmModule module;
    /** Made on the first trap in compiled code, once that code is there. */
    private final Lazy<InstructionMap> instructions;

    /**
     * @param module the module as parsed: every body decoded, unless {@code loaded} is compiled code, in which
     *        case only the bodies that code interprets need be
     * @param loaded compiled code from the cache, if there was some
     * @param moduleInterface what the module exports and imports, as its preparation read it first
     */
    PreparedGuest(
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
        this.cache = cache;
        // A module parsed for cached code lacks most bodies; the interpreter needs them all (validated before).
        this.everyBody = loaded.isPresent()
                ? Lazy.of(() -> ModuleParser.parse(bytes, module.digest(), false))
                : Lazy.of(() -> module);
        this.layout = Lazy.of(() -> ModuleLayout.of(bytes));
        this.symbols = Lazy.of(() -> ModuleSymbols.of(module, layout.get().codeStart(), layout.get()::bodyStart));
        this.moduleInterface = moduleInterface;
        this.instructions = Lazy.of(() -> new InstructionMap(
                source,
                bytes,
                module.importSection().count(ExternalType.FUNCTION),
                compiledCode().join()));
        loaded.ifPresent(code -> compiled.set(CompletableFuture.completedFuture(code)));
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
        CompletableFuture<CompiledCode> code = compiled.get();
        boolean ready = code != null && code.isDone() && !code.isCompletedExceptionally();
        return ready ? instructions.get() : InstructionLocator.NONE;
    }

    /** How an engine runs this module: the module to instantiate, and compiled code's machines, if any. */
    public record Code(WasiEngine engine, WasmModule module, Optional<Function<Instance, Machine>> machines) {}

    /**
     * The engine for a run that asked for {@code requested}: the interpreter, compiled code (waiting for a
     * translation in progress until {@code deadline}), or, for {@link WasiEngine#AUTO}, compiled code if there is
     * some, else the interpreter while a translation goes on in the background; for a module with less than
     * {@link #AUTO_WAITS_BELOW_CODE_BYTES} of code, whose translation is quick, {@code AUTO} waits for it instead.
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
        CompletableFuture<CompiledCode> code = compiledCode();
        boolean ready = code.isDone() && !code.isCompletedExceptionally();
        boolean worthWaiting = !code.isDone() && layout.get().codeBytes() < AUTO_WAITS_BELOW_CODE_BYTES;
        if (requested == WasiEngine.AUTO && !ready && !worthWaiting) {
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
        CompletableFuture<CompiledCode> current = compiled.get();
        if (current != null) {
            return current;
        }
        CompletableFuture<CompiledCode> started = new CompletableFuture<>();
        if (!compiled.compareAndSet(null, started)) {
            return compiled.get();
        }
        Thread finishBeforeExit = new Thread(() -> awaitBeforeExit(started), "wasmguest-finish-translation");
        try {
            Runtime.getRuntime().addShutdownHook(finishBeforeExit);
            started.whenComplete((code, failure) -> removeShutdownHook(finishBeforeExit));
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending: translate for this JVM's remaining runs only
        }
        return Background.start(
                started, "wasmguest-translate " + fileName, TRANSLATION_STACK_BYTES, this::loadOrTranslate);
    }

    /**
     * A JVM that ends while a translation runs (a short test run: its first tests ran in the interpreter) waits
     * for it, up to {@link #FINISH_BEFORE_EXIT}, so that the next JVM finds the compiled code instead of starting
     * cold again.
     */
    private void awaitBeforeExit(CompletableFuture<CompiledCode> translation) {
        if (translation.isDone() || cache.isEmpty()) {
            return;
        }
        LOG.log(
                Level.INFO,
                () -> "Guest module " + source + ": the JVM is ending; finishing its translation" + " (at most "
                        + FINISH_BEFORE_EXIT.toSeconds() + " s) so that later JVMs load the compiled code");
        try {
            translation.get(FINISH_BEFORE_EXIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing to store: the next JVM translates again
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the translation done
        }
    }

    private CompiledCode loadOrTranslate() {
        ProgressLog progress = ProgressLog.start(
                subject(),
                () -> "translating it to JVM bytecode (once per"
                        + " machine and Endive version: "
                        + cache.map(c -> "later JVMs load it from " + c.entryFile(sha256))
                                .orElse("wasmguest.cache.compiled=false, so every JVM translates it")
                        + ")");
        try {
            Optional<CompiledCodeCache.Entry> stored = cache.flatMap(c -> c.findOrLock(sha256));
            if (stored.isPresent()) {
                CompiledCode code =
                        CompiledCode.load(stored.get().jar(), stored.get().interpreted());
                progress.end(() -> "loaded its compiled code, which another thread or JVM stored,");
                logInterpreted(code.interpreted(), Level.DEBUG);
                return code;
            }
            Translator.Translation translation = Translator.translate(everyBody.get(), layout.get());
            cache.ifPresent(c -> c.store(
                    sha256,
                    new CompiledCodeCache.Entry(
                            translation.importedFunctions(), translation.code().interpreted(), translation.jar())));
            progress.end(() -> "translated to JVM bytecode"
                    + cache.map(c -> ", cached in " + c.entryFile(sha256)).orElse(""));
            logInterpreted(translation.code().interpreted(), Level.INFO);
            return translation.code();
        } catch (RuntimeException | Error e) {
            cache.ifPresent(c -> c.abandon(sha256));
            progress.end(() -> "translation failed: " + e);
            LOG.log(Level.DEBUG, () -> "Guest module " + source + " could not be translated", e);
            throw e;
        }
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

    private String subject() {
        return GuestPreparation.subject(source, bytes.length);
    }

    /**
     * Says which functions Endive interprets because they are too large for a JVM method: at INFO when they were
     * found (once per module and cache), at DEBUG when the compiled code is loaded again.
     */
    void logInterpreted(List<Integer> interpreted, Level level) {
        if (!interpreted.isEmpty()) {
            LOG.log(
                    level,
                    () -> "Guest module " + source + ": " + describe(interpreted)
                            + " too large for one JVM method (or, at over " + Translator.LIKELY_TOO_LARGE
                            + " bytes of WebAssembly, likely to be), so Endive runs "
                            + (interpreted.size() == 1 ? "it" : "them")
                            + " in its interpreter (slower than compiled code): " + names(interpreted));
        }
    }

    private static String describe(List<Integer> functions) {
        return functions.size() == 1 ? "1 function is" : functions.size() + " functions are";
    }

    private String names(List<Integer> functions) {
        NameCustomSection names = module.nameSection();
        String listed = functions.stream()
                .limit(LISTED_FUNCTIONS)
                .map(index -> {
                    String name = names == null ? null : names.nameOfFunction(index);
                    return name == null ? "function " + index : "function " + index + " (" + name + ")";
                })
                .collect(Collectors.joining(", "));
        return functions.size() > LISTED_FUNCTIONS
                ? listed + " and " + (functions.size() - LISTED_FUNCTIONS) + " more"
                : listed;
    }
}
