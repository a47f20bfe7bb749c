package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.util.Background;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;

/**
 * Turns resolved bytes into a {@link PreparedGuest}, before any run: tells what the module exports and imports,
 * parses, and reuses what earlier JVMs left in the caches. A module whose compiled code is cached (and that was
 * validated before) is parsed without the function bodies that code replaces, and its classes are loaded as runs
 * reach them; any other module is parsed whole, validated unless validated before, and translated later, on first
 * need, in the background.
 */
@API(status = INTERNAL, since = "0.1")
public final class GuestPreparation {

    private static final System.Logger LOG = System.getLogger(GuestPreparation.class.getName());

    private GuestPreparation() {}

    /**
     * Prepares without caches: every JVM validates and translates.
     *
     * @throws GuestResolutionException naming the module when it is malformed or invalid
     */
    public static PreparedGuest prepare(ModuleSource source, ResolvedModule resolved) {
        return prepare(source, resolved, EngineCaches.none(), shape -> {});
    }

    /**
     * Prepares reusing {@code caches}.
     *
     * @param announce hears what the module exports and imports before the costly part of the work begins
     * @throws GuestResolutionException naming the module when it is malformed or invalid
     */
    static PreparedGuest prepare(
            ModuleSource source, ResolvedModule resolved, EngineCaches caches, Consumer<ModuleInterface> announce) {
        String name = source.describe();
        byte[] bytes = resolved.bytes();
        ModuleInterface shape = scan(name, bytes);
        announce.accept(shape);
        String digest = "sha256:" + resolved.sha256();
        boolean validated = caches.validated().contains(resolved.sha256());
        if (validated) {
            Optional<PreparedGuest> fromCache = withCachedCode(source, resolved, shape, caches.compiledCode());
            if (fromCache.isPresent()) {
                return fromCache.get();
            }
        }
        ProgressLog progress = ProgressLog.start(
                subject(name, bytes.length),
                () -> validated
                        ? "parsing it"
                        : "parsing and validating it (validation is remembered in the cache for later JVMs)");
        WasmModule module;
        try {
            module = parse(name, bytes, digest, !validated);
        } finally {
            progress.end(() -> "parsed");
        }
        if (!validated) {
            caches.validated().add(resolved.sha256());
        }
        return new PreparedGuest(
                name,
                source.fileName(),
                resolved.sha256(),
                bytes,
                module,
                shape,
                Optional.empty(),
                caches.compiledCode());
    }

    /** The guest with the compiled code the cache holds for it, if it holds any that loads. */
    private static Optional<PreparedGuest> withCachedCode(
            ModuleSource source, ResolvedModule resolved, ModuleInterface shape, Optional<CompiledCodeCache> cache) {
        Optional<CompiledCodeCache.Entry> entry = cache.flatMap(c -> c.find(resolved.sha256()));
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String name = source.describe();
        // Independent parts of similar cost (yosys: 0.2-0.4 s each): the classes and the interpreted bodies are
        // made ready on other threads while this one parses the rest.
        long start = System.nanoTime();
        CompletableFuture<CompiledCode> loading = Background.start(
                "wasmguest-load " + source.fileName(),
                () -> CompiledCode.load(entry.get().jar(), entry.get().interpreted()));
        try {
            WasmModule module = ModuleParser.parseWithBodiesOf(
                    resolved.bytes(),
                    "sha256:" + resolved.sha256(),
                    entry.get().interpreted().stream()
                            .map(function -> function - entry.get().importedFunctions())
                            .collect(Collectors.toList()));
            long parsed = System.nanoTime();
            CompiledCode code = loading.join();
            LOG.log(
                    Level.DEBUG,
                    () -> "Guest module " + name + ": loaded its compiled code from the cache in "
                            + (System.nanoTime() - start) / 1_000_000 + " ms (parsed without the compiled bodies in "
                            + (parsed - start) / 1_000_000 + " ms)");
            PreparedGuest guest = new PreparedGuest(
                    name,
                    source.fileName(),
                    resolved.sha256(),
                    resolved.bytes(),
                    module,
                    shape,
                    Optional.of(code),
                    cache);
            return Optional.of(guest);
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

    private static GuestResolutionException malformed(String name, Throwable cause) {
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
}
