package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.resolve.ModuleResolver;
import dev.wasmguest.internal.resolve.ResolutionSettings;
import dev.wasmguest.internal.source.ModuleSource;
import java.time.Clock;
import java.util.Optional;
import org.apiguardian.api.API;

/** Resolves and prepares modules with one configuration (cache directory, transfer limits). Thread-safe. */
@API(status = INTERNAL, since = "0.1")
public final class GuestLoader {

    /**
     * Configuration key: keep Endive's compiled code, and which modules were validated, on disk beside the module
     * cache (default true).
     */
    public static final String COMPILED_CACHE = "wasmguest.cache.compiled";

    private final ModuleResolver resolver;
    private final EngineCaches caches;

    private GuestLoader(ModuleResolver resolver, EngineCaches caches) {
        this.resolver = resolver;
        this.caches = caches;
    }

    /**
     * @throws IllegalArgumentException naming the configuration key whose value is malformed
     */
    public static GuestLoader fromSettings(Settings settings) {
        ResolutionSettings resolution = ResolutionSettings.from(settings);
        boolean keepCompiled = settings.read(WasmGuestSetting.CACHE_COMPILED, ConfigValue::flag, true);
        EngineCaches caches = keepCompiled
                ? EngineCaches.in(
                        resolution.cacheDirectory(), resolution.limits().lockTimeout())
                : EngineCaches.none();
        return new GuestLoader(new ModuleResolver(resolution, Clock.systemUTC()), caches);
    }

    /** A handle that prepares {@code source} on first use. */
    public GuestHandle handle(ModuleSource source, Optional<String> sha256) {
        return new GuestHandle(
                source,
                announce -> GuestPreparation.prepare(source, resolver.resolve(source, sha256), caches, announce));
    }
}
