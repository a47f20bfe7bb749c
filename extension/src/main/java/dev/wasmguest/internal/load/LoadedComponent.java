package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.component.Component;
import dev.wasmguest.internal.component.Definition;
import dev.wasmguest.internal.component.Sort;
import dev.wasmguest.internal.util.Sha256;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import run.endive.wasm.WasmModule;

/**
 * A parsed component with its core modules parsed and validated, ready to be instantiated for each run; shared by
 * every run and thread, being immutable.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadedComponent implements LoadedGuest {

    private final String source;
    private final String fileName;
    private final Component component;
    private final ComponentWorld world;
    private final Map<Definition.CoreModule, WasmModule> modules;

    private LoadedComponent(
            String source,
            String fileName,
            Component component,
            ComponentWorld world,
            Map<Definition.CoreModule, WasmModule> modules) {
        this.source = source;
        this.fileName = fileName;
        this.component = component;
        this.world = world;
        this.modules = modules;
    }

    /**
     * Parses and validates every core module of {@code component}, nested components' too.
     *
     * @throws RuntimeException what the runtime's parser or validator throws on a bad core module
     */
    static LoadedComponent of(String source, String fileName, Component component) {
        Map<Definition.CoreModule, WasmModule> modules = new IdentityHashMap<>();
        parseModules(component, modules);
        return new LoadedComponent(source, fileName, component, ComponentWorld.of(component), modules);
    }

    private static void parseModules(Component component, Map<Definition.CoreModule, WasmModule> modules) {
        for (Definition definition : component.space(Sort.CORE_MODULE)) {
            if (definition instanceof Definition.CoreModule module) {
                modules.put(module, ModuleParser.parse(module.bytes(), "sha256:" + Sha256.hex(module.bytes()), true));
            }
        }
        for (Definition definition : component.space(Sort.COMPONENT)) {
            if (definition instanceof Definition.NestedComponent nested) {
                parseModules(nested.component(), modules);
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

    /** The parsed form of one of its core modules. */
    public WasmModule module(Definition.CoreModule module) {
        WasmModule parsed = modules.get(module);
        if (parsed == null) {
            throw new IllegalArgumentException("not a core module of component " + source);
        }
        return parsed;
    }
}
