package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.UnknownImports;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.load.ModuleInterface;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import run.endive.runtime.HostFunction;
import run.endive.runtime.TrapException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.FunctionImport;
import run.endive.wasm.types.FunctionType;

/**
 * The functions a guest may import besides WASI's: those the test provides, and what becomes of the rest (refused
 * before the run, or linked as functions that trap or return zeros, as wasmtime's {@code --trap-unknown-imports} and
 * {@code --default-values-unknown-imports} do). Immutable.
 *
 * @param policy what becomes of imports nobody provides
 * @param functions the test's functions, by the import they stand for
 */
@API(status = INTERNAL, since = "0.1")
public record HostImports(UnknownImports policy, Map<ModuleInterface.FunctionImport, HostCall> functions) {

    /** Nothing provided; unknown imports are refused. */
    public static final HostImports NONE = new HostImports(UnknownImports.FAIL, Map.of());

    public HostImports {
        functions = Map.copyOf(functions);
    }

    public HostImports withPolicy(UnknownImports value) {
        return new HostImports(value, functions);
    }

    /** These imports with {@code function} for the import {@code module}.{@code name}, replacing any before. */
    public HostImports withFunction(String module, String name, HostCall function) {
        Map<ModuleInterface.FunctionImport, HostCall> changed = new LinkedHashMap<>(functions);
        changed.put(new ModuleInterface.FunctionImport(module, name), function);
        return new HostImports(policy, changed);
    }

    /**
     * Refuses a module whose imports outside WASI are neither provided nor covered by the policy, listing them and
     * the ways to provide them.
     *
     * @throws GuestResolutionException naming the module, the imports and the setting
     */
    void requireLinkable(String source, ModuleInterface shape) {
        List<ModuleInterface.FunctionImport> unknown = shape.nonWasiImports().stream()
                .filter(function -> !functions.containsKey(function))
                .filter(function -> !WitBindgenHandles.serves(function.module(), function.name()))
                .toList();
        if (unknown.isEmpty() || policy != UnknownImports.FAIL) {
            return;
        }
        String key = WasmGuestSetting.IMPORTS_UNKNOWN.key();
        throw new GuestResolutionException(
                source,
                "it imports " + unknown.size() + " function" + (unknown.size() == 1 ? "" : "s")
                        + " that neither WASI preview 1 nor the test provides: "
                        + unknown.stream().map(Object::toString).collect(Collectors.joining(", "))
                        + ". Provide them with withHostFunction(module, name, function), or link every unknown import"
                        + " as a function that traps when called (withUnknownImports(UnknownImports.TRAP), " + key
                        + "=trap, as wasmtime's --trap-unknown-imports) or that returns zeros"
                        + " (UnknownImports.DEFAULT_VALUES, " + key + "=default-values)");
    }

    /** The host functions that stand for {@code module}'s function imports outside WASI. */
    HostFunction[] link(WasmModule module, String source) {
        return module.importSection().stream()
                .filter(FunctionImport.class::isInstance)
                .map(FunctionImport.class::cast)
                .filter(function -> !function.module().equals(ModuleInterface.WASI_MODULE))
                .filter(function -> !WitBindgenHandles.serves(function.module(), function.name()))
                .map(function -> link(function, module.typeSection().getType(function.typeIndex()), source))
                .toArray(HostFunction[]::new);
    }

    private HostFunction link(FunctionImport function, FunctionType type, String source) {
        ModuleInterface.FunctionImport name = new ModuleInterface.FunctionImport(function.module(), function.name());
        HostCall provided = functions.get(name);
        if (provided != null) {
            return new HostFunction(function.module(), function.name(), type, (instance, args) -> {
                long[] results = provided.call(args.clone());
                if (results == null || results.length != type.returns().size()) {
                    throw new IllegalStateException("the test's host function " + name + " returned "
                            + (results == null ? "null" : results.length + " values") + "; its type " + type
                            + " needs " + type.returns().size());
                }
                return results;
            });
        }
        if (policy == UnknownImports.DEFAULT_VALUES) {
            return new HostFunction(
                    function.module(),
                    function.name(),
                    type,
                    (instance, args) -> new long[type.returns().size()]);
        }
        return new HostFunction(function.module(), function.name(), type, (instance, args) -> {
            throw new TrapException("the guest called " + name + ", an import that neither WASI nor the test"
                    + " provides, linked as a function that traps (" + WasmGuestSetting.IMPORTS_UNKNOWN.key() + "="
                    + policy.configValue() + "); source " + source);
        });
    }
}
