package dev.wasmguest.internal.resolve;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The verified bytes of a module: they start with the wasm header and hash to {@code sha256}. */
@API(status = INTERNAL, since = "0.1")
public record ResolvedModule(byte[] bytes, String sha256) {}
