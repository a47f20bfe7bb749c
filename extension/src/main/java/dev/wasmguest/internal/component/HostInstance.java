package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** What the host gives a component for one imported instance (one interface, such as {@code wasi:cli/exit}). */
@API(status = INTERNAL, since = "0.1")
public interface HostInstance {

    /** The host's implementation of the exported function {@code name}, called with and returning ABI values. */
    Optional<Call> function(String name);

    /**
     * The host's implementation of the exported function {@code name} of {@code type}, the type the component's
     * import declares; by default, whatever {@link #function(String)} gives.
     */
    default Optional<Call> function(String name, FunctionType type) {
        return function(name);
    }

    @FunctionalInterface
    interface Call {
        Object call(List<Object> args);
    }
}
