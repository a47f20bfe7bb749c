package dev.wasmguest.internal.engine;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.util.Optional;

/**
 * The cache one compilation hands Chicory: stores in the compiled-code cache, if there is one, under a key that
 * adds our compiler options to Chicory's module digest, and remembers the compiled classes that went in or came
 * out, so they can be inspected afterwards. Used by one thread, for one compilation.
 */
final class RecordingCache implements Cache {

    private final Optional<Cache> store;
    private final String options;
    private byte[] compiled;

    RecordingCache(Optional<Cache> store, String options) {
        this.store = store;
        this.options = options;
    }

    @Override
    public byte[] get(String key) throws IOException {
        byte[] found = store.isPresent() ? store.get().get(key(key)) : null;
        if (found != null) {
            compiled = found;
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

    private String key(String moduleDigest) {
        return moduleDigest + ";" + options;
    }
}
