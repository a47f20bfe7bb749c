package dev.wasmguest.internal.engine;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The cache one compilation hands Chicory: stores in the compiled-code cache, if there is one, under a key that
 * adds our compiler options to Chicory's module digest, and remembers the compiled classes that went in or came
 * out, so they can be inspected afterwards. Used by one thread, for one compilation; closing it releases what a
 * compilation that failed still holds.
 */
final class RecordingCache implements Cache, AutoCloseable {

    private final Optional<Cache> store;
    private final String options;
    private byte[] compiled;
    private boolean loaded;
    private String storeKey;

    RecordingCache(Optional<Cache> store, String options) {
        this.store = store;
        this.options = options;
    }

    @Override
    public byte[] get(String key) throws IOException {
        storeKey = key(key);
        byte[] found = store.isPresent() ? store.get().get(storeKey) : null;
        if (found != null) {
            compiled = found;
            loaded = true;
        }
        return found;
    }

    @Override
    public void putIfAbsent(String key, byte[] classes) throws IOException {
        compiled = classes;
        if (store.isPresent()) {
            store.get().putIfAbsent(key(key), classes);
        }
    }

    /** The compiled classes (a jar), loaded from the store or freshly produced; empty before compilation. */
    Optional<byte[]> compiled() {
        return Optional.ofNullable(compiled);
    }

    /**
     * The functions Chicory left to its interpreter; empty before compilation. From the store's list when there is
     * one, else from the classes.
     *
     * @throws IllegalStateException when the classes use the interpreter in an unknown way
     */
    List<Integer> interpretedFunctions() {
        if (compiled == null) {
            return List.of();
        }
        if (store.orElse(null) instanceof CompiledCodeCache) {
            return ((CompiledCodeCache) store.get()).interpretedFunctions(storeKey, compiled);
        }
        return InterpretedFunctions.in(compiled);
    }

    /** True when the compiled classes came from the store, not from a translation. */
    boolean loaded() {
        return loaded;
    }

    /** Lets others compile the module, if this compilation missed the store and never stored anything. */
    @Override
    public void close() {
        if (storeKey != null && !loaded && store.orElse(null) instanceof CompiledCodeCache) {
            ((CompiledCodeCache) store.get()).abandon(storeKey); // a no-op once putIfAbsent released it
        }
    }

    private String key(String moduleDigest) {
        return moduleDigest + ";" + options;
    }
}
