package dev.wasmguest.internal.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A module on the class path of {@code classLoader}. */
@API(status = INTERNAL, since = "0.1")
public record ResourceSource(String name, ClassLoader classLoader) implements ModuleSource {

    public ResourceSource {
        // ClassLoader.getResource takes names without a leading slash.
        name = name.startsWith("/") ? name.substring(1) : name;
    }

    @Override
    public String describe() {
        return "classpath:" + name;
    }

    @Override
    public String fileName() {
        return ModuleSource.lastSegment(name);
    }
}
