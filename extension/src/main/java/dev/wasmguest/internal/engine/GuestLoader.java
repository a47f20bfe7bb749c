package dev.wasmguest.internal.engine;

import com.dylibso.chicory.compiler.Cache;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.resolve.ModuleResolver;
import dev.wasmguest.internal.resolve.ResolutionSettings;
import dev.wasmguest.internal.source.ModuleSource;
import java.time.Clock;
import java.util.Optional;

/** Resolves and compiles modules with one configuration (cache directory, transfer limits). Thread-safe. */
public final class GuestLoader {

    /** Configuration key: keep Chicory's compiled code on disk beside the module cache (default true). */
    public static final String COMPILED_CACHE = "wasmguest.cache.compiled";

    private final ModuleResolver resolver;
    private final Optional<Cache> compiledCode;

    private GuestLoader(ModuleResolver resolver, Optional<Cache> compiledCode) {
        this.resolver = resolver;
        this.compiledCode = compiledCode;
    }

    /**
     * @throws IllegalArgumentException naming the configuration key whose value is malformed
     */
    public static GuestLoader fromSettings(Settings settings) {
        ResolutionSettings resolution = ResolutionSettings.from(settings);
        boolean keepCompiled = !settings.get(COMPILED_CACHE).map(String::strip).filter("false"::equalsIgnoreCase)
                .isPresent();
        Optional<Cache> compiledCode = keepCompiled
                ? Optional.of(new CompiledCodeCache(resolution.cacheDirectory())) : Optional.empty();
        return new GuestLoader(new ModuleResolver(resolution, Clock.systemUTC()), compiledCode);
    }

    /** A handle that loads {@code source} on first use. */
    public GuestHandle handle(ModuleSource source, Optional<String> sha256) {
        return new GuestHandle(source, () -> GuestCompiler.compile(source, resolver.resolve(source, sha256),
                compiledCode));
    }
}
