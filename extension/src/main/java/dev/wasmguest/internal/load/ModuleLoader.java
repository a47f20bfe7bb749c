package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.component.Component;
import dev.wasmguest.internal.component.ComponentParser;
import dev.wasmguest.internal.component.MalformedComponentException;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.coverage.CoverageFiles;
import dev.wasmguest.internal.coverage.CoverageRecorder;
import dev.wasmguest.internal.remote.RemoteCache;
import dev.wasmguest.internal.resolve.ModuleResolver;
import dev.wasmguest.internal.resolve.ResolutionSettings;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.resolve.WasmBytes;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.util.Background;
import dev.wasmguest.internal.util.Lazy;
import dev.wasmguest.internal.util.Sha256;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;

/**
 * Loads modules with one configuration (cache directory, transfer limits, whether compiled code is kept): resolves a
 * module's bytes and turns them into a {@link LoadedModule}, once per module, in the background ({@link Handle}).
 *
 * <p>Loading tells what the module exports and imports first, then parses it, and reuses what earlier JVMs left in
 * the caches. A module whose compiled code is cached (and that was validated before) is parsed without the function
 * bodies that code replaces, and its classes are loaded as runs reach them; any other module is parsed whole,
 * validated unless validated before, and translated later, on first need, in the background. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class ModuleLoader {

    private static final System.Logger LOG = System.getLogger(ModuleLoader.class.getName());

    private final ModuleResolver resolver;
    private final EngineCaches caches;
    /**
     * The core modules of the components this loader loaded, by sha256: the preview 1 adapter, the same in every
     * adapted component, is parsed and translated once, not once per component.
     */
    private final Map<String, LoadedModule> coreModules = new ConcurrentHashMap<>();

    /** Where the runs' coverage goes, when coverage counters go into every module this loader loads. */
    private final Optional<CoverageFiles> coverage;

    private ModuleLoader(ModuleResolver resolver, EngineCaches caches, Optional<CoverageFiles> coverage) {
        this.resolver = resolver;
        this.caches = caches;
        this.coverage = coverage;
    }

    /**
     * @throws IllegalArgumentException naming the configuration key whose value is malformed
     */
    public static ModuleLoader fromSettings(Settings settings) {
        ResolutionSettings resolution = ResolutionSettings.from(settings);
        Optional<RemoteCache> remote = RemoteCache.from(settings);
        boolean keepCompiled = settings.read(WasmGuestSetting.CACHE_COMPILED, ConfigValue::flag, true);
        EngineCaches caches = keepCompiled
                ? EngineCaches.in(
                        resolution.cacheDirectory(), resolution.limits().lockTimeout(), remote)
                : EngineCaches.none();
        return new ModuleLoader(
                new ModuleResolver(resolution, Clock.systemUTC(), remote), caches, CoverageFiles.from(settings));
    }

    /** A handle that prepares {@code source} on first use. */
    public Handle handle(ModuleSource source, Optional<String> sha256) {
        return handle(source, sha256, coverage);
    }

    private Handle handle(ModuleSource source, Optional<String> sha256, Optional<CoverageFiles> counted) {
        return new Handle(
                source,
                announce -> prepare(source, resolver.resolve(source, sha256), caches, coreModules, announce, counted),
                files -> handle(source, sha256, Optional.of(files)));
    }

    /**
     * Prepares without caches: every JVM validates and translates.
     *
     * @throws GuestResolutionException naming the module when it is malformed or invalid
     */
    public static LoadedGuest prepare(ModuleSource source, ResolvedModule resolved) {
        return prepare(source, resolved, EngineCaches.none(), new ConcurrentHashMap<>(), shape -> {}, Optional.empty());
    }

    /**
     * Prepares reusing {@code caches}.
     *
     * @param coreModules the components' core modules loaded so far, by sha256, to reuse and add to
     * @param announce hears what the module exports and imports before the costly part of the work begins
     * @param coverage where runs' coverage goes, if coverage counters go into a core module ({@link CoverageCounters})
     * @throws GuestResolutionException naming the module when it is malformed or invalid
     */
    static LoadedGuest prepare(
            ModuleSource source,
            ResolvedModule resolved,
            EngineCaches caches,
            Map<String, LoadedModule> coreModules,
            Consumer<GuestShape> announce,
            Optional<CoverageFiles> coverage) {
        String name = source.describe();
        byte[] bytes = resolved.bytes();
        if (WasmBytes.hasComponentHeader(bytes)) {
            return component(name, source.fileName(), bytes, caches, coreModules, announce);
        }
        ModuleInterface shape = scan(name, bytes);
        announce.accept(shape);
        Optional<CoverageCounters.Counted> counted =
                coverage.isPresent() ? withCounters(name, bytes) : Optional.empty();
        byte[] running = counted.map(CoverageCounters.Counted::bytes).orElse(bytes);
        String sha256 = counted.isPresent() ? Sha256.hex(running) : resolved.sha256();
        Optional<CoverageRecorder> recorder =
                counted.map(withCounters -> new CoverageRecorder(withCounters.map(), coverage.orElseThrow()));
        Optional<CodeOrigin> origin = counted.map(withCounters -> CodeOrigin.of(withCounters.offsets()));
        if (!FunctionSplitter.hasLargeFunctions(running)) {
            return asCopy(
                    module(name, source.fileName(), Lazy.of(() -> running), sha256, shape, caches), recorder, origin);
        }
        return loadSplit(name, source.fileName(), running, sha256, shape, caches, recorder, origin);
    }

    /**
     * A module with functions too large for a JVM method, as a copy with them split ({@link FunctionSplitter}): as an
     * earlier JVM stored the copy, or split on another thread while a later JVM finds the copy's compiled code by its
     * key and starts loading it.
     */
    private static LoadedGuest loadSplit(
            String name,
            String fileName,
            byte[] running,
            String sha256,
            ModuleInterface shape,
            EngineCaches caches,
            Optional<CoverageRecorder> recorder,
            Optional<CodeOrigin> counted) {
        String key = FunctionSplitter.key(sha256);
        Optional<CompiledCodeCache> cache = caches.compiledCode();
        Optional<byte[]> stored = cache.flatMap(code -> code.splitCopy(key));
        Supplier<Optional<FunctionSplitter.Split>> split;
        if (stored.isPresent()) {
            split = Lazy.of(() -> split(name, running)); // for a backtrace's offsets, if one is ever asked for
        } else {
            CompletableFuture<Optional<FunctionSplitter.Split>> splitting =
                    Background.start("wasmguest-split " + fileName, () -> {
                        Optional<FunctionSplitter.Split> made = split(name, running);
                        made.ifPresent(copy -> cache.ifPresent(code -> code.storeSplitCopy(key, copy.bytes())));
                        return made;
                    });
            split = () -> {
                try {
                    return splitting.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof SplitFailed failed ? failed : e;
                }
            };
        }
        Lazy<byte[]> bytes = Lazy.of(() -> stored.orElseGet(
                () -> split.get().map(FunctionSplitter.Split::bytes).orElse(running)));
        try {
            LoadedModule loaded = module(name, fileName, bytes, key, shape, caches);
            if (stored.isEmpty() && split.get().isEmpty()) {
                return asCopy(loaded, recorder, counted); // nothing was split: the key names the module itself
            }
            Lazy<CodeOrigin> origin = Lazy.of(() -> {
                try {
                    CodeOrigin parts = CodeOrigin.of(split.get().orElseThrow());
                    return counted.map(parts::then).orElse(parts);
                } catch (SplitFailed failed) { // frames then name the copy's offsets
                    return new CodeOrigin(ModuleLayout.of(bytes.get()), copy -> copy, copy -> copy);
                }
            });
            return loaded.asCopy(recorder, origin);
        } catch (SplitFailed failed) {
            // Not the same in every JVM, unlike a module with nothing to split: the key is not for this module's code
            return asCopy(module(name, fileName, Lazy.of(() -> running), sha256, shape, caches), recorder, counted);
        } catch (GuestResolutionException failed) {
            if (stored.isEmpty() && split.get().isEmpty()) {
                throw failed; // the module's own error
            }
            cache.ifPresent(code -> code.removeSplitCopy(key));
            LoadedModule whole = module(name, fileName, Lazy.of(() -> running), sha256, shape, caches);
            LOG.log(
                    Level.WARNING,
                    "Guest module " + name + ": runs with its large functions left to the interpreter, because the copy"
                            + " with them split failed (" + failed.getMessage() + "); please report it");
            return asCopy(whole, recorder, counted);
        }
    }

    private static LoadedModule asCopy(
            LoadedModule loaded, Optional<CoverageRecorder> recorder, Optional<CodeOrigin> origin) {
        return origin.map(copied -> loaded.asCopy(recorder, () -> copied)).orElse(loaded);
    }

    /**
     * The module with its functions too large for a JVM method split ({@link FunctionSplitter}); empty when it has
     * none, or is malformed (which parsing it as it is then reports).
     *
     * @throws SplitFailed when the JVM ran out of heap or stack splitting it
     */
    private static Optional<FunctionSplitter.Split> split(String name, byte[] bytes) {
        long start = System.nanoTime();
        try {
            Optional<FunctionSplitter.Split> split = FunctionSplitter.split(bytes);
            split.ifPresent(made -> LOG.log(
                    Level.DEBUG,
                    () -> "Guest module " + name + ": split its large functions into " + made.partOf().length
                            + " parts in " + (System.nanoTime() - start) / 1_000_000 + " ms"));
            return split;
        } catch (StackOverflowError | OutOfMemoryError failed) {
            LOG.log(
                    Level.WARNING,
                    "Guest module " + name + ": its large functions are left to the interpreter: splitting them failed"
                            + " (" + failed + "); give the test JVM more heap or stack");
            throw new SplitFailed();
        }
    }

    /** Splitting ran out of heap or stack: this JVM runs the module whole, under its own digest. */
    private static final class SplitFailed extends RuntimeException {
        SplitFailed() {
            super(null, null, false, false);
        }
    }

    /**
     * The module with coverage counters; empty when it is malformed, which parsing it as it is then reports (with the
     * module's own offsets, not those of a copy with counters).
     */
    private static Optional<CoverageCounters.Counted> withCounters(String name, byte[] bytes) {
        try {
            return Optional.of(CoverageCounters.add(name, bytes));
        } catch (RuntimeException | StackOverflowError malformed) {
            LOG.log(Level.DEBUG, () -> "Guest module " + name + ": no coverage counters (" + malformed + ")");
            return Optional.empty();
        } catch (OutOfMemoryError heap) {
            LOG.log(
                    Level.WARNING,
                    "Guest module " + name + ": its runs are not covered: the JVM ran out of heap putting coverage"
                            + " counters into it (" + heap.getMessage() + "); give the test JVM more (-Xmx)");
            return Optional.empty();
        }
    }

    /**
     * A core module: from the compiled-code cache when it holds the module's code, else parsed (and validated). A
     * big module this JVM's heap could not parse whole is validated and translated by a {@link DetachedTranslation}
     * first, then loaded from the cache, which needs a fraction of the memory.
     */
    private static LoadedModule module(
            String name,
            String fileName,
            Lazy<byte[]> lazyBytes,
            String sha256,
            ModuleInterface shape,
            EngineCaches caches) {
        boolean validatedHere = caches.validated().contains(sha256);
        Optional<CompiledCodeCache.Entry> cached =
                validatedHere ? find(sha256, caches) : authenticRemoteCode(sha256, caches);
        boolean validated = validatedHere || cached.isPresent();
        if (cached.isPresent()) {
            Optional<LoadedModule> fromCache =
                    withCachedCode(name, fileName, lazyBytes, sha256, shape, caches.compiledCode(), cached.get());
            if (fromCache.isPresent()) {
                return fromCache.get();
            }
        }
        byte[] bytes = lazyBytes.get();
        if (caches.compiledCode().isPresent() && DetachedTranslation.beyondHeap(codeBytes(bytes))) {
            Optional<LoadedModule> translated = translatedElsewhere(name, fileName, bytes, sha256, shape, caches);
            if (translated.isPresent()) {
                return translated.get();
            }
        }
        ProgressLog progress = ProgressLog.start(
                subject(name, bytes.length),
                () -> validated
                        ? "parsing it"
                        : "parsing and validating it (validation is remembered in the cache for later JVMs)");
        WasmModule module;
        try {
            module = parse(name, bytes, "sha256:" + sha256, !validated);
        } finally {
            progress.end(() -> "parsed");
        }
        if (!validated) {
            caches.validated().add(sha256);
        }
        return new LoadedModule(name, fileName, sha256, bytes, module, shape, Optional.empty(), caches.compiledCode());
    }

    /** The size of the module's code section; 0 when its layout is malformed, which parsing it then reports. */
    private static long codeBytes(byte[] bytes) {
        try {
            return ModuleLayout.of(bytes).codeBytes();
        } catch (RuntimeException malformed) {
            return 0;
        }
    }

    /**
     * The remote cache's authentic compiled code for the module, now stored here: a trusted build validated the module
     * before translating it, so it counts as validated.
     */
    private static Optional<CompiledCodeCache.Entry> authenticRemoteCode(String sha256, EngineCaches caches) {
        Optional<CompiledCodeCache.Entry> shared = caches.compiledCode()
                .filter(cache -> cache.remote().isPresent())
                .flatMap(cache -> cache.find(sha256));
        shared.ifPresent(entry -> caches.validated().add(sha256));
        return shared;
    }

    private static Optional<CompiledCodeCache.Entry> find(String sha256, EngineCaches caches) {
        return caches.compiledCode().flatMap(cache -> cache.find(sha256));
    }

    /** The module as a JVM of its own validated and translated it; empty when that failed (parsing here says why). */
    private static Optional<LoadedModule> translatedElsewhere(
            String name, String fileName, byte[] bytes, String sha256, ModuleInterface shape, EngineCaches caches) {
        CompiledCodeCache cache = caches.compiledCode().orElseThrow();
        ProgressLog progress = ProgressLog.start(
                subject(name, bytes.length),
                () -> "validating and translating it to JVM bytecode in a JVM of its own (this JVM's heap, "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, is too small to parse it whole;"
                        + " later JVMs load it from " + cache.entryFile(sha256) + ")");
        Optional<CompiledCodeCache.Entry> entry;
        try {
            entry = DetachedTranslation.run(cache, sha256, bytes, name, true);
        } finally {
            progress.end(() -> "validated and translated");
        }
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        caches.validated().add(sha256);
        return withCachedCode(name, fileName, () -> bytes, sha256, shape, caches.compiledCode(), entry.get());
    }

    /** The guest with the compiled code the cache holds for it, {@code entry}, if that loads. */
    private static Optional<LoadedModule> withCachedCode(
            String name,
            String fileName,
            Supplier<byte[]> lazyBytes,
            String sha256,
            ModuleInterface shape,
            Optional<CompiledCodeCache> cache,
            CompiledCodeCache.Entry entry) {
        // Independent parts of similar cost (yosys: 0.2-0.4 s each): the classes and the interpreted bodies are
        // made ready on other threads while this one parses the rest.
        long start = System.nanoTime();
        CompletableFuture<CompiledCode> loading = Background.start(
                "wasmguest-load " + fileName,
                () -> CompiledCode.load(entry.jar(), entry.interpreted(), "sha256:" + sha256));
        try {
            byte[] bytes = lazyBytes.get();
            WasmModule module = ModuleParser.parseWithBodiesOf(
                    bytes,
                    "sha256:" + sha256,
                    entry.interpreted().stream()
                            .map(function -> function - entry.importedFunctions())
                            .collect(Collectors.toList()));
            long parsed = System.nanoTime();
            CompiledCode code = loading.join();
            LOG.log(
                    Level.DEBUG,
                    () -> "Guest module " + name + ": loaded its compiled code from the cache in "
                            + (System.nanoTime() - start) / 1_000_000 + " ms (parsed without the compiled bodies in "
                            + (parsed - start) / 1_000_000 + " ms)");
            return Optional.of(
                    new LoadedModule(name, fileName, sha256, bytes, module, shape, Optional.of(code), cache));
        } catch (CompletionException | WasmEngineException e) {
            Throwable reason = e instanceof CompletionException ? e.getCause() : e;
            LOG.log(
                    Level.WARNING,
                    "Guest module " + name + ": cannot use its cached compiled code (" + reason
                            + "); parsing and translating it again");
            return Optional.empty();
        }
    }

    /**
     * Whatever the runtime's parser or validator throws on bad bytes ends here as the module's error: its own
     * exceptions, any other runtime exception, and the errors its {@code assert}s (under {@code -ea}, as in Surefire)
     * and its recursion or allocation of declared sizes can raise. Nothing of the parse is kept, so none is harmed.
     */
    private static WasmModule parse(String name, byte[] bytes, String digest, boolean validate) {
        try {
            return ModuleParser.parse(bytes, digest, validate);
        } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError e) {
            throw malformed(name, e);
        }
    }

    private static ModuleInterface scan(String name, byte[] bytes) {
        try {
            return ModuleInterface.scan(bytes);
        } catch (RuntimeException e) {
            throw malformed(name, e);
        }
    }

    /**
     * A component read from its bytes, its core modules loaded as modules are; what is wrong with them fails naming
     * the component.
     */
    private static LoadedComponent component(
            String name,
            String fileName,
            byte[] bytes,
            EngineCaches caches,
            Map<String, LoadedModule> coreModules,
            Consumer<GuestShape> announce) {
        Component component;
        ComponentWorld world;
        try {
            component = ComponentParser.parse(bytes);
            world = ComponentWorld.of(component);
        } catch (RuntimeException | AssertionError | StackOverflowError | OutOfMemoryError e) {
            throw malformedComponent(name, e instanceof MalformedComponentException ? e.getMessage() : e.toString(), e);
        }
        announce.accept(world);
        return LoadedComponent.of(name, fileName, component, world, (module, index) -> {
            String coreName = "core module " + index + " of " + name;
            String sha256 = Sha256.hex(module.bytes());
            try {
                return coreModules.computeIfAbsent(
                        sha256,
                        any -> module(
                                coreName,
                                fileName.replaceFirst("\\.wasm$", "") + "." + index + ".wasm",
                                Lazy.of(module::bytes),
                                sha256,
                                scan(coreName, module.bytes()),
                                caches));
            } catch (GuestResolutionException e) {
                throw malformedComponent(
                        name, "core module " + index + " fails to parse (" + e.getCause() + ")", e.getCause());
            }
        });
    }

    private static GuestResolutionException malformedComponent(String name, String reason, Throwable cause) {
        return new GuestResolutionException(
                name,
                "malformed component: " + reason
                        + "; the file is damaged or was built for another version of the component model, rebuild it",
                cause);
    }

    private static GuestResolutionException malformed(String name, Throwable cause) {
        if (cause instanceof OutOfMemoryError) {
            return new GuestResolutionException(
                    name,
                    "the JVM ran out of heap parsing it (" + cause.getMessage() + ", at most "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB): give the test JVM more"
                            + " (-Xmx), or keep wasmguest.cache.compiled=true, which translates big modules in a JVM"
                            + " of their own",
                    cause);
        }
        String reason = cause instanceof WasmEngineException && cause.getMessage() != null
                ? cause.getMessage()
                : "the runtime's parser failed on it (" + cause + ")";
        return new GuestResolutionException(
                name,
                "malformed module: " + reason
                        + "; the file is damaged or not built for WebAssembly 1.0/WASI preview1, rebuild it",
                cause);
    }

    /** How progress lines name a module: its source and size. */
    static String subject(String source, int size) {
        return String.format(Locale.ROOT, "Guest module %s (%.1f MB)", source, size / 1e6);
    }

    /**
     * A module that is resolved and prepared on first use, then shared. The work runs on a thread of its own, which
     * callers wait for: interrupting a caller (a run's timeout, JUnit's {@code @Timeout}) ends its wait, never a
     * download, a parse or a cache write that other callers share. Thread-safe: concurrent first uses prepare once. A
     * failed preparation is not remembered, so a later use tries again (a network may come back).
     */
    public static final class Handle {

        private final ModuleSource source;
        private final Function<Consumer<GuestShape>, LoadedGuest> preparation;
        private final Function<CoverageFiles, Handle> counted;
        private final AtomicReference<Attempt> attempt = new AtomicReference<>();

        /** One preparation: what the module exports and imports is known first, the prepared module later. */
        private record Attempt(CompletableFuture<GuestShape> shape, CompletableFuture<LoadedGuest> prepared) {}

        /**
         * @param preparation prepares the module, telling the consumer what it exports and imports as soon as that is
         *        known
         * @param counted makes the handle of the same module with coverage counters
         */
        private Handle(
                ModuleSource source,
                Function<Consumer<GuestShape>, LoadedGuest> preparation,
                Function<CoverageFiles, Handle> counted) {
            this.source = source;
            this.preparation = preparation;
            this.counted = counted;
        }

        /**
         * A handle of the same module with coverage counters, whose runs' coverage goes to {@code files}; prepared
         * on its first use, apart from this one.
         */
        public Handle counted(CoverageFiles files) {
            return counted.apply(files);
        }

        public ModuleSource source() {
            return source;
        }

        /**
         * The prepared guest, preparing it now if no earlier call did, however long that takes.
         *
         * @throws GuestResolutionException when the module cannot be prepared, or the caller was interrupted (its
         *         interrupt status is kept)
         */
        public LoadedGuest get() {
            try {
                return await(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GuestResolutionException(
                        source.describe(),
                        "interrupted while the module was being prepared;" + " the preparation goes on for later runs",
                        e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("no deadline, no timeout", e);
            }
        }

        /**
         * The prepared guest, waiting for its preparation until {@code deadline} (a {@link System#nanoTime()} value).
         *
         * @throws InterruptedException when the caller is interrupted while waiting; the preparation goes on
         * @throws TimeoutException when the preparation is not done by then; it goes on
         * @throws GuestResolutionException when the module cannot be prepared
         */
        public LoadedGuest await(long deadline) throws InterruptedException, TimeoutException {
            Attempt current = preparing();
            return awaitPart(current, current.prepared(), deadline);
        }

        /**
         * What the module exports and imports, known once it is resolved, before it is parsed: a caller can refuse a
         * module that does not fit without waiting for the rest of its preparation, which goes on.
         *
         * @throws InterruptedException when the caller is interrupted while waiting; the preparation goes on
         * @throws TimeoutException when the module is not resolved by {@code deadline}; its preparation goes on
         * @throws GuestResolutionException when the module cannot be resolved or is malformed
         */
        public GuestShape awaitInterface(long deadline) throws InterruptedException, TimeoutException {
            Attempt current = preparing();
            return awaitPart(current, current.shape(), deadline);
        }

        private <T> T awaitPart(Attempt current, CompletableFuture<T> part, long deadline)
                throws InterruptedException, TimeoutException {
            try {
                return deadline == Long.MAX_VALUE
                        ? part.get()
                        : part.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                attempt.compareAndSet(current, null); // the next use tries again
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            }
        }

        private Attempt preparing() {
            while (true) {
                Attempt current = attempt.get();
                if (current != null) {
                    return current;
                }
                CompletableFuture<GuestShape> shape = new CompletableFuture<>();
                Attempt started = new Attempt(shape, new CompletableFuture<>());
                if (attempt.compareAndSet(null, started)) {
                    Background.start(
                            started.prepared(),
                            "wasmguest-prepare " + source.fileName(),
                            0,
                            () -> preparation.apply(shape::complete));
                    // a preparation that failed before it knew the module's interface fails its waiters too
                    started.prepared().whenComplete((guest, failure) -> {
                        if (failure != null) {
                            shape.completeExceptionally(failure);
                        }
                    });
                    return started;
                }
            }
        }
    }
}
