package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.internal.component.Component;
import dev.wasmguest.internal.component.Definition;
import dev.wasmguest.internal.component.Sort;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apiguardian.api.API;

/**
 * A parsed component with its core modules loaded as modules are ({@link LoadedModule}: parsed and validated once,
 * translated to compiled code on first need, that code kept in the cache), ready to be instantiated for each run;
 * shared by every run and thread, being immutable.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadedComponent implements LoadedGuest {

    private final String source;
    private final String fileName;
    private final Component component;
    private final ComponentWorld world;
    private final Map<Definition.CoreModule, LoadedModule> modules;

    private LoadedComponent(
            String source,
            String fileName,
            Component component,
            ComponentWorld world,
            Map<Definition.CoreModule, LoadedModule> modules) {
        this.source = source;
        this.fileName = fileName;
        this.component = component;
        this.world = world;
        this.modules = modules;
    }

    /**
     * Loads every core module of {@code component}, nested components' too, with {@code loader}, which is given
     * each module and its position among them.
     */
    static LoadedComponent of(
            String source,
            String fileName,
            Component component,
            ComponentWorld world,
            BiFunction<Definition.CoreModule, Integer, LoadedModule> loader) {
        Map<Definition.CoreModule, LoadedModule> modules = new LinkedHashMap<>();
        load(component, loader, modules);
        return new LoadedComponent(source, fileName, component, world, modules);
    }

    private static void load(
            Component component,
            BiFunction<Definition.CoreModule, Integer, LoadedModule> loader,
            Map<Definition.CoreModule, LoadedModule> modules) {
        for (Definition definition : component.space(Sort.CORE_MODULE)) {
            if (definition instanceof Definition.CoreModule module) {
                modules.put(module, loader.apply(module, modules.size()));
            }
        }
        for (Definition definition : component.space(Sort.COMPONENT)) {
            if (definition instanceof Definition.NestedComponent nested) {
                load(nested.component(), loader, modules);
            }
        }
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    public Component component() {
        return component;
    }

    /** What it exports and imports. */
    public ComponentWorld world() {
        return world;
    }

    /** Its core modules, in the order they are defined. */
    public Collection<LoadedModule> modules() {
        return Collections.unmodifiableCollection(modules.values());
    }

    /**
     * The code each of its core modules runs with for a run that asked for {@code requested}, chosen for each module
     * as for a module of its own ({@link LoadedModule#codeFor}).
     *
     * @param deadline a {@link System#nanoTime()} value
     * @throws InterruptedException when the caller is interrupted while waiting; translations go on
     * @throws TimeoutException when a translation is not done by the deadline; it goes on
     */
    public Map<Definition.CoreModule, LoadedModule.Code> codeFor(WasiEngine requested, long deadline)
            throws InterruptedException, TimeoutException {
        if (requested != WasiEngine.INTERPRETER) {
            modules.values().forEach(LoadedModule::compiledCode); // translated side by side, not one after another
        }
        Map<Definition.CoreModule, LoadedModule.Code> code = new IdentityHashMap<>();
        for (Map.Entry<Definition.CoreModule, LoadedModule> module : modules.entrySet()) {
            code.put(module.getKey(), module.getValue().codeFor(requested, deadline));
        }
        return code;
    }

    /** One of its core modules. */
    public LoadedModule module(Definition.CoreModule module) {
        LoadedModule loaded = modules.get(module);
        if (loaded == null) {
            throw new IllegalArgumentException("not a core module of component " + source);
        }
        return loaded;
    }
}
