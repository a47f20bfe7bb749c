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

    /** A resource looked up where users expect: through the thread's context class loader, else this library's. */
    public static ResourceSource inContext(String name) {
        return new ResourceSource(name, contextClassLoader());
    }

    /** The thread's context class loader, else this library's: where classpath modules and inputs are found. */
    public static ClassLoader contextClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ResourceSource.class.getClassLoader();
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
