package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiResult;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One instance of a guest kept between calls: a module (a WASI reactor, {@link ReactorSession}) or a component
 * ({@link ComponentSession}). Each call is bounded like a run and gives a {@link WasiResult}; calls run one at a
 * time. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public interface InstanceSession {

    /** How the instance was made and initialized. */
    WasiResult initialization();

    /** The names of the functions that can be called, in the guest's order. */
    Set<String> exportedFunctions();

    /**
     * Calls the exported function {@code name} with Java values for its types: a module's numeric types, or the WIT
     * types of a component's export or of a wit-bindgen export whose name spells out its signature.
     *
     * @throws IllegalArgumentException when there is no such function, or the arguments do not fit its type
     * @throws IllegalStateException when the instance cannot be called any more, saying why
     */
    WasiResult call(String name, List<?> args);

    /**
     * Calls the core function {@code name} of a module built with wit-bindgen, with the WIT {@code signature} the
     * caller gives it.
     *
     * @throws IllegalArgumentException when there is no such function, the signature cannot be read or does not fit
     *         the function, or the arguments do not fit it
     * @throws IllegalStateException when the instance cannot be called any more, or is a component
     */
    WasiResult call(String name, String signature, List<?> args);

    /**
     * {@code length} bytes of the instance's memory from {@code address}.
     *
     * @throws IndexOutOfBoundsException when they are not all inside the memory
     * @throws IllegalStateException when the instance has no memory
     */
    byte[] readMemory(long address, int length);

    /**
     * Writes {@code bytes} into the instance's memory at {@code address}.
     *
     * @throws IndexOutOfBoundsException when they do not all fit inside the memory
     * @throws IllegalStateException when the instance has no memory
     */
    void writeMemory(long address, byte[] bytes);

    /**
     * Ends the instance: brings the guest's read-write directories back to the host.
     *
     * @return what could not be brought back, each naming the file; empty when all was
     */
    List<String> end();
}
