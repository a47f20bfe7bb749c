package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A guest ready to run: a core module ({@link LoadedModule}) or a component ({@link LoadedComponent}). */
@API(status = INTERNAL, since = "0.1")
public sealed interface LoadedGuest permits LoadedModule, LoadedComponent {

    /** How messages name the guest. */
    String source();

    /** The default {@code argv[0]}. */
    String fileName();
}
