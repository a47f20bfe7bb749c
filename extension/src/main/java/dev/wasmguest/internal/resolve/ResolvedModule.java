package dev.wasmguest.internal.resolve;

/** The verified bytes of a module: they start with the wasm header and hash to {@code sha256}. */
public record ResolvedModule(byte[] bytes, String sha256) {
}
