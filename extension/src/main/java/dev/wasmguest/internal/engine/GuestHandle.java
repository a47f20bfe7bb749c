package dev.wasmguest.internal.engine;

import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.util.Lazy;
import java.util.function.Supplier;

/**
 * A module that is resolved and compiled on first use, then shared. Thread-safe: concurrent first uses load
 * once. A failed load is not remembered, so a later use tries again (a network may come back).
 */
public final class GuestHandle {

    private final ModuleSource source;
    private final Lazy<CompiledGuest> loaded;

    GuestHandle(ModuleSource source, Supplier<CompiledGuest> loader) {
        this.source = source;
        this.loaded = Lazy.of(loader);
    }

    public ModuleSource source() {
        return source;
    }

    /** The compiled guest, loading it now if no earlier call did. */
    public CompiledGuest get() {
        return loaded.get();
    }
}
