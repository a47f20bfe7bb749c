package dev.wasmguest.internal.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import run.endive.runtime.HostFunction;
import run.endive.runtime.TrapException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.FunctionImport;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.ValType;

/**
 * The host's handle tables of a module built with wit-bindgen's first, pre-component ABI (ruby.wasm 2.x is one): the
 * module stores a resource with {@code canonical_abi.resource_new_<name>(rep) -> handle}, reads it back with {@code
 * resource_get_<name>} and lets it go with {@code resource_drop_<name>}, and its exports take and return those
 * handles. A typed call lifts a returned handle out of the table and lowers a given one into it, as the JavaScript
 * host that wit-bindgen generated for such modules does. One per instance; calls come one at a time.
 */
final class WitBindgenHandles {

    static final String MODULE = "canonical_abi";

    private static final List<String> OPERATIONS = List.of("resource_new_", "resource_get_", "resource_drop_");

    private final Map<String, Map<Integer, Integer>> tables = new HashMap<>();
    private int next = 1;

    /** Whether this serves the import {@code module}.{@code name}. */
    static boolean serves(String module, String name) {
        return module.equals(MODULE) && OPERATIONS.stream().anyMatch(name::startsWith);
    }

    /** A new handle to {@code representation}, a resource of {@code resource}'s. */
    synchronized int add(String resource, int representation) {
        int handle = next++;
        tables.computeIfAbsent(resource, any -> new HashMap<>()).put(handle, representation);
        return handle;
    }

    synchronized int get(String resource, int handle) {
        Integer representation = tables.getOrDefault(resource, Map.of()).get(handle);
        if (representation == null) {
            throw new TrapException("unknown handle " + handle + " of resource " + resource);
        }
        return representation;
    }

    synchronized int remove(String resource, int handle) {
        int representation = get(resource, handle);
        tables.get(resource).remove(handle);
        return representation;
    }

    /** The functions of {@code module}'s imports that this serves. */
    HostFunction[] link(WasmModule module) {
        List<HostFunction> functions = new ArrayList<>();
        module.importSection().stream()
                .filter(FunctionImport.class::isInstance)
                .map(FunctionImport.class::cast)
                .filter(function -> serves(function.module(), function.name()))
                .forEach(function -> functions.add(
                        function(function.name(), module.typeSection().getType(function.typeIndex()))));
        return functions.toArray(HostFunction[]::new);
    }

    private HostFunction function(String name, FunctionType type) {
        String operation =
                OPERATIONS.stream().filter(name::startsWith).findFirst().orElseThrow();
        String resource = name.substring(operation.length());
        boolean returns = operation.equals("resource_drop_")
                ? type.returns().isEmpty()
                : type.returns().equals(List.of(ValType.I32));
        if (!type.params().equals(List.of(ValType.I32)) || !returns) {
            throw new IllegalArgumentException("the import " + MODULE + "." + name + " has the type " + type
                    + ", not wit-bindgen's (i32) -> " + (operation.equals("resource_drop_") ? "()" : "i32"));
        }
        return new HostFunction(MODULE, name, type, (instance, args) -> switch (operation) {
            case "resource_new_" -> new long[] {add(resource, (int) args[0])};
            case "resource_get_" -> new long[] {get(resource, (int) args[0])};
            default -> {
                remove(resource, (int) args[0]);
                yield new long[0];
            }
        });
    }
}
