package dev.wasmguest.internal.util;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A value computed on first use and then shared. Thread-safe: concurrent first uses compute it once. A failed
 * computation is not remembered, so a later use tries again.
 */
@API(status = INTERNAL, since = "0.1")
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private volatile T value;

    private Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    public static <T> Lazy<T> of(Supplier<T> compute) {
        return new Lazy<>(compute);
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = compute.get();
                    value = current;
                }
            }
        }
        return current;
    }
}
