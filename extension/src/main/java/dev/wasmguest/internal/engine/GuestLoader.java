package dev.wasmguest.internal.engine;

import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.resolve.HttpFetcher;
import dev.wasmguest.internal.resolve.ModuleCache;
import dev.wasmguest.internal.resolve.ModuleResolver;
import dev.wasmguest.internal.source.ModuleSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Resolves and compiles modules with one configuration (cache directory, transfer limits). Thread-safe. */
public final class GuestLoader {

    /** The configuration key of the cache directory. */
    public static final String CACHE_DIR = "wasmguest.cache.dir";

    private final ModuleResolver resolver;

    private GuestLoader(ModuleResolver resolver) {
        this.resolver = resolver;
    }

    public static GuestLoader fromSettings(Settings settings) {
        ModuleCache cache = new ModuleCache(cacheDirectory(settings));
        HttpFetcher fetcher = new HttpFetcher(HttpFetcher.TransferLimits.DEFAULTS);
        return new GuestLoader(new ModuleResolver(cache, fetcher, Clock.systemUTC()));
    }

    /** {@code wasmguest.cache.dir}, else {@code $XDG_CACHE_HOME/wasmguest}, else {@code ~/.cache/wasmguest}. */
    static Path cacheDirectory(Settings settings) {
        return settings.get(CACHE_DIR).map(Path::of)
                .or(() -> settings.get("XDG_CACHE_HOME").filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, "wasmguest")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "wasmguest"));
    }

    /** A handle that loads {@code source} on first use. */
    public GuestHandle handle(ModuleSource source, Optional<String> sha256) {
        return new GuestHandle(source, () -> GuestCompiler.compile(source, resolver.resolve(source, sha256)));
    }
}
