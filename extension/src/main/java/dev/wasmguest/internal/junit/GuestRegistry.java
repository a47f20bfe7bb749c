package dev.wasmguest.internal.junit;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.load.ModuleLoader;
import dev.wasmguest.internal.run.GuestRunner;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.internal.source.ModuleSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The modules of one JUnit run: one {@link GuestRunner} per module, so that each is resolved and compiled once
 * per JVM and its threads shared by every test class and thread. Lives in the root context's store.
 */
@API(status = INTERNAL, since = "0.1")
public final class GuestRegistry {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GuestRegistry.class);

    private final ModuleLoader loader;
    private final Map<ModuleKey, GuestRunner> runners = new ConcurrentHashMap<>();

    private GuestRegistry(ModuleLoader loader) {
        this.loader = loader;
    }

    /** The registry of the run that {@code root} belongs to, created with {@code settings} on first use. */
    public static GuestRegistry of(ExtensionContext root, Settings settings) {
        ExtensionContext.Store store = root.getStore(NAMESPACE);
        // Store.getOrComputeIfAbsent is deprecated in JUnit 6 and its replacement is missing from JUnit 5, so
        // creation is made atomic by locking the root context, which is one object for the whole run.
        synchronized (root) {
            GuestRegistry registry = store.get(GuestRegistry.class, GuestRegistry.class);
            if (registry == null) {
                registry = new GuestRegistry(ModuleLoader.fromSettings(settings));
                store.put(GuestRegistry.class, registry);
            }
            return registry;
        }
    }

    /** The one runner of this run for a module and pin; give it its run settings with {@code withSpec}. */
    public GuestRunner runner(ModuleSource source, Optional<String> sha256, RunSpec spec) {
        return runners.computeIfAbsent(
                        new ModuleKey(source, sha256),
                        key -> GuestRunner.of(loader.handle(source, sha256), RunSpec.EMPTY))
                .withSpec(spec);
    }

    private record ModuleKey(ModuleSource source, Optional<String> sha256) {}
}
