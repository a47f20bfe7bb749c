package dev.wasmguest.internal.load;

import dev.wasmguest.internal.remote.RemoteCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What loading a module may reuse from earlier JVMs: Endive's compiled classes, and the fact that the module was
 * validated.
 */
record EngineCaches(Optional<CompiledCodeCache> compiledCode, ValidatedModules validated) {

    /** Nothing reused: every JVM validates and compiles. */
    static EngineCaches none() {
        return new EngineCaches(Optional.empty(), ValidatedModules.none());
    }

    /**
     * Both kept under {@code cacheDirectory}, beside the module cache; a JVM waits up to {@code lockTimeout} for
     * another one compiling the same module.
     */
    static EngineCaches in(Path cacheDirectory, Duration lockTimeout) {
        return in(cacheDirectory, lockTimeout, Optional.empty());
    }

    /** As {@link #in(Path, Duration)}, compiled code shared through {@code remote} too, if given. */
    static EngineCaches in(Path cacheDirectory, Duration lockTimeout, Optional<RemoteCache> remote) {
        return new EngineCaches(
                Optional.of(new CompiledCodeCache(cacheDirectory, lockTimeout, remote)),
                ValidatedModules.in(cacheDirectory));
    }
}
