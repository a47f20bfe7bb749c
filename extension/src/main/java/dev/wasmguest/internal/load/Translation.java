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
 * A module's compiled code in this JVM: given when the preparation loaded it from the compiled-code cache, else made
 * once, on first need, on a thread of its own. That thread loads what another thread or JVM stored meanwhile, or has
 * the module translated and stored: a big module by a {@link DetachedTranslation}, which outlives this JVM, a small
 * one here. No run's timeout or interrupt ever reaches it, and its result is stored whatever happens to the run that
 * started it. A JVM that ends while it translates a small module waits for it, up to {@link #FINISH_BEFORE_EXIT},
 * so that later JVMs find the compiled code. Thread-safe.
 */
final class Translation {

    private static final System.Logger LOG = System.getLogger(Translation.class.getName());

    private static final int LISTED_FUNCTIONS = 10;

    /**
     * How long an ending JVM waits for a small module's translation in progress, so that later JVMs can use its
     * result: less than the 30 s after which Surefire kills a fork that does not end.
     */
    static final Duration FINISH_BEFORE_EXIT = Duration.ofSeconds(20);

    private final String source;
    private final String fileName;
    private final String sha256;
    private final byte[] bytes;
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
            byte[] bytes,
            String subject,
            WasmModule module,
            Supplier<WasmModule> everyBody,
            Supplier<ModuleLayout> layout,
            Optional<CompiledCodeCache> cache,
            Optional<CompiledCode> loaded) {
        this.source = source;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.bytes = bytes;
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
        return Background.start(
                started, "wasmguest-translate " + fileName, DetachedTranslation.STACK_BYTES, this::loadOrTranslate);
    }

    /** Whether a JVM of its own translates the module: a big one, with a cache to hand the result over in. */
    private boolean detached() {
        return cache.isPresent() && layout.get().codeBytes() >= DetachedTranslation.DETACH_FROM_CODE_BYTES;
    }

    private CompiledCode loadOrTranslate() {
        boolean detached = detached();
        ProgressLog progress = ProgressLog.start(subject, () -> activity(detached));
        try {
            Optional<CompiledCodeCache.Entry> stored = cache.flatMap(c -> c.find(sha256));
            boolean helped = stored.isEmpty() && detached;
            if (helped) {
                stored = DetachedTranslation.run(cache.get(), sha256, bytes, source, false);
            }
            if (stored.isEmpty()) {
                stored = cache.flatMap(c -> c.findOrLock(sha256));
            }
            if (stored.isPresent()) {
                // Code translated for this JVM's waiting runs is defined here, in the background, as code translated
                // in this JVM is: a run's time and timeout never include the definition of its classes.
                CompiledCode code = helped
                        ? CompiledCode.loadEagerly(
                                stored.get().jar(), stored.get().interpreted(), "sha256:" + sha256)
                        : CompiledCode.load(stored.get().jar(), stored.get().interpreted(), "sha256:" + sha256);
                progress.end(() -> helped
                        ? "translated to JVM bytecode in a JVM of its own, cached in "
                                + cache.get().entryFile(sha256) + ","
                        : "loaded its compiled code, which another thread or JVM stored,");
                logInterpreted(code.interpreted(), helped ? Level.INFO : Level.DEBUG);
                return code;
            }
            return translateHere(progress);
        } catch (RuntimeException | Error e) {
            cache.ifPresent(c -> c.abandon(sha256));
            progress.end(() -> "translation failed: " + e);
            LOG.log(Level.DEBUG, () -> "Guest module " + source + " could not be translated", e);
            throw e;
        }
    }

    private String activity(boolean detached) {
        if (cache.isEmpty()) {
            return "translating it to JVM bytecode (wasmguest.cache.compiled=false, so every JVM translates it)";
        }
        String entry = cache.get().entryFile(sha256).toString();
        return detached
                ? "translating it to JVM bytecode in a JVM of its own, which stores it in " + entry
                        + " for later JVMs even if this one ends first"
                : "translating it to JVM bytecode (once per machine and Endive version: later JVMs load it from "
                        + entry + ")";
    }

    /**
     * Translates in this JVM, which defines every class now, in the translation's background work: its runs start at
     * once. A JVM that ends meanwhile waits for the translation (a small module's: big ones are detached) so that
     * later JVMs find it.
     */
    private CompiledCode translateHere(ProgressLog progress) {
        Thread finishBeforeExit = new Thread(() -> awaitBeforeExit(compiled.get()), "wasmguest-finish-translation");
        boolean hooked = cache.isPresent() && addShutdownHook(finishBeforeExit);
        try {
            CompiledCodeCache.Entry translation = Translator.translate(everyBody.get(), layout.get());
            CompiledCode code =
                    CompiledCode.loadEagerly(translation.jar(), translation.interpreted(), "sha256:" + sha256);
            cache.ifPresent(c -> c.store(sha256, translation));
            progress.end(() -> "translated to JVM bytecode"
                    + cache.map(c -> ", cached in " + c.entryFile(sha256)).orElse(""));
            logInterpreted(code.interpreted(), Level.INFO);
            return code;
        } finally {
            if (hooked) {
                removeShutdownHook(finishBeforeExit);
            }
        }
    }

    /**
     * A JVM that ends while a translation runs (a short test run: its first tests ran in the interpreter) waits
     * for it, up to {@link #FINISH_BEFORE_EXIT}, so that the next JVM finds the compiled code instead of starting
     * cold again.
     */
    private void awaitBeforeExit(CompletableFuture<CompiledCode> translation) {
        if (translation.isDone()) {
            return;
        }
        // On stderr, not the log: java.util.logging's own shutdown hook may have closed its handlers already.
        System.err.println("wasmguest: guest module " + source + ": the JVM is ending; finishing its translation"
                + " (at most " + FINISH_BEFORE_EXIT.toSeconds() + " s) so that later JVMs load the compiled code");
        try {
            translation.get(FINISH_BEFORE_EXIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing to store: the next JVM translates again
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false; // the JVM is ending: translate for this JVM's remaining runs only
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the translation done
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
