package dev.wasmguest.internal.wasi;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import run.endive.runtime.WasmFunctionHandle;

/**
 * What a correction knows of some descriptors, by descriptor, kept in step with the guest's {@code fd_close} and
 * {@code fd_renumber}. Thread-safe.
 */
final class DescriptorMap<V> {

    private final Map<Integer, V> values = new ConcurrentHashMap<>();

    V get(long fd) {
        return values.get((int) fd);
    }

    boolean contains(long fd) {
        return values.containsKey((int) fd);
    }

    void put(long fd, V value) {
        values.put((int) fd, value);
    }

    void putAll(Map<Integer, V> known) {
        values.putAll(known);
    }

    /** Every descriptor known now, and its value; a read-only view. */
    Map<Integer, V> all() {
        return Collections.unmodifiableMap(values);
    }

    /** The replacements of fd_close and fd_renumber that keep this map in step when they succeed. */
    Map<String, UnaryOperator<WasmFunctionHandle>> following() {
        return Map.of(
                "fd_close",
                close -> (instance, args) -> {
                    long[] result = close.apply(instance, args);
                    if (Errno.succeeded(result)) {
                        values.remove((int) args[0]);
                    }
                    return result;
                },
                "fd_renumber",
                renumber -> (instance, args) -> {
                    long[] result = renumber.apply(instance, args);
                    if (Errno.succeeded(result)) {
                        V moved = values.remove((int) args[0]);
                        values.remove((int) args[1]);
                        if (moved != null) {
                            values.put((int) args[1], moved);
                        }
                    }
                    return result;
                });
    }
}
