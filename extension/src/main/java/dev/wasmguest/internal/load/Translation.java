package dev.wasmguest.internal.load;

import dev.wasmguest.internal.util.Background;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.NameCustomSection;

/**
 * A module's compiled code in this JVM, and the one place that writes it to the compiled-code cache: given when the
 * preparation loaded it from the cache, else made once, on first need, on a thread of its own. That thread loads what
 * another thread or JVM stored meanwhile, or translates the module and stores the result. No run's timeout or
 * interrupt ever reaches it, and its result is stored whatever happens to the run that started it. A JVM that ends
 * while it runs waits for it, up to {@link #FINISH_BEFORE_EXIT}, so that later JVMs find the compiled code.
 * Thread-safe.
 */
final class Translation {

    private static final System.Logger LOG = System.getLogger(Translation.class.getName());

    /** Translation recurses on its thread's stack over nested blocks; a large stack spares deep modules. */
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    private static final int LISTED_FUNCTIONS = 10;

    /** How long an ending JVM waits for a translation in progress, so that later JVMs can use its result. */
    static final Duration FINISH_BEFORE_EXIT = Duration.ofMinutes(2);

    private final String source;
    private final String fileName;
    private final String sha256;
    private final String subject;
    private final WasmModule module;
    private final Supplier<WasmModule> everyBody;
    private final Supplier<ModuleLayout> layout;
    private final Optional<CompiledCodeCache> cache;
    private final AtomicReference<CompletableFuture<CompiledCode>> compiled = new AtomicReference<>();

    /**
     * @param module the module as parsed, for the names of the functions left to the interpreter
     * @param everyBody the module with every function body, which the translation reads
     * @param loaded compiled code the preparation loaded from the cache, if it did
     */
    Translation(
            String source,
            String fileName,
            String sha256,
            String subject,
            WasmModule module,
            Supplier<WasmModule> everyBody,
            Supplier<ModuleLayout> layout,
            Optional<CompiledCodeCache> cache,
            Optional<CompiledCode> loaded) {
        this.source = source;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.subject = subject;
        this.module = module;
        this.everyBody = everyBody;
        this.layout = layout;
        this.cache = cache;
        loaded.ifPresent(code -> {
            compiled.set(CompletableFuture.completedFuture(code));
            logInterpreted(code.interpreted(), Level.DEBUG);
        });
    }

    /** Whether the compiled code is there: loaded, or translated without failure. */
    boolean ready() {
        CompletableFuture<CompiledCode> code = compiled.get();
        return code != null && code.isDone() && !code.isCompletedExceptionally();
    }

    /** The compiled code, loaded or being translated; the first call starts the translation. */
    CompletableFuture<CompiledCode> code() {
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
        return Background.start(started, "wasmguest-translate " + fileName, STACK_BYTES, this::loadOrTranslate);
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
                subject,
                () -> "translating it to JVM bytecode (once per"
                        + " machine and Endive version: "
                        + cache.map(c -> "later JVMs load it from " + c.entryFile(sha256))
                                .orElse("wasmguest.cache.compiled=false, so every JVM translates it")
                        + ")");
        try {
            Optional<CompiledCodeCache.Entry> stored = cache.flatMap(c -> c.findOrLock(sha256));
            if (stored.isPresent()) {
                CompiledCode code =
                        CompiledCode.load(stored.get().jar(), stored.get().interpreted(), "sha256:" + sha256);
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

    /**
     * Says which functions Endive interprets because they are too large for a JVM method: at INFO when they were
     * found (once per module and cache), at DEBUG when the compiled code is loaded again.
     */
    private void logInterpreted(List<Integer> interpreted, Level level) {
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
