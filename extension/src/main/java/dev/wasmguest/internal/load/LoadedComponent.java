package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.component.Component;
import org.apiguardian.api.API;

/**
 * A parsed component, ready to be instantiated for each run; shared by every run and thread, being immutable.
 *
 * @param source how messages name it
 * @param fileName the default {@code argv[0]}
 * @param world what it exports and imports
 */
@API(status = INTERNAL, since = "0.1")
public record LoadedComponent(String source, String fileName, Component component, ComponentWorld world)
        implements LoadedGuest {}
