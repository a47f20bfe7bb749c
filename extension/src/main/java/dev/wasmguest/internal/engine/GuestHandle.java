package dev.wasmguest.internal.engine;

import dev.wasmguest.internal.source.ModuleSource;
import java.util.function.Supplier;

/**
 * A module that is resolved and compiled on first use, then shared. Thread-safe: concurrent first uses load
 * once. A failed load is not remembered, so a later use tries again (a network may come back).
 */
public final class GuestHandle {

    private final ModuleSource source;
    private final Supplier<CompiledGuest> loader;
    private volatile CompiledGuest loaded;

    GuestHandle(ModuleSource source, Supplier<CompiledGuest> loader) {
        this.source = source;
        this.loader = loader;
    }

    public ModuleSource source() {
        return source;
    }

    /** The compiled guest, loading it now if no earlier call did. */
    public CompiledGuest get() {
        CompiledGuest guest = loaded;
        if (guest == null) {
            synchronized (this) {
                guest = loaded;
                if (guest == null) {
                    guest = loader.get();
                    loaded = guest;
                }
            }
        }
        return guest;
    }
}
