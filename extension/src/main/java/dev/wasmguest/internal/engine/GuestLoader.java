package dev.wasmguest.internal.engine;

import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.resolve.ModuleResolver;
import dev.wasmguest.internal.resolve.ResolutionSettings;
import dev.wasmguest.internal.source.ModuleSource;
import java.time.Clock;
import java.util.Optional;

/** Resolves and compiles modules with one configuration (cache directory, transfer limits). Thread-safe. */
public final class GuestLoader {

    private final ModuleResolver resolver;

    private GuestLoader(ModuleResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @throws IllegalArgumentException naming the configuration key whose value is malformed
     */
    public static GuestLoader fromSettings(Settings settings) {
        return new GuestLoader(new ModuleResolver(ResolutionSettings.from(settings), Clock.systemUTC()));
    }

    /** A handle that loads {@code source} on first use. */
    public GuestHandle handle(ModuleSource source, Optional<String> sha256) {
        return new GuestHandle(source, () -> GuestCompiler.compile(source, resolver.resolve(source, sha256)));
    }
}
