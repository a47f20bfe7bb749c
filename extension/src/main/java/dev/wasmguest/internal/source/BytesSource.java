package dev.wasmguest.internal.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.util.Sha256;
import java.util.Arrays;
import org.apiguardian.api.API;

/** A module given as bytes by the caller; identified by its sha256. */
@API(status = INTERNAL, since = "0.1")
public final class BytesSource implements ModuleSource {

    private final byte[] bytes;
    private final String sha256;

    public BytesSource(byte[] bytes) {
        this.bytes = bytes.clone();
        this.sha256 = Sha256.hex(this.bytes);
    }

    /** A copy of the module's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String describe() {
        return "module bytes (sha256 " + sha256.substring(0, 12) + "…)";
    }

    @Override
    public String fileName() {
        return "module.wasm";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BytesSource that && sha256.equals(that.sha256) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
