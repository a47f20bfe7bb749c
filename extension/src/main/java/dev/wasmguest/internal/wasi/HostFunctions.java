package dev.wasmguest.internal.wasi;

import java.util.Map;
import java.util.function.UnaryOperator;
import run.endive.runtime.HostFunction;
import run.endive.runtime.WasmFunctionHandle;

/** Replacing some of Endive's WASI functions by ones that wrap them, as each correction of this package does. */
final class HostFunctions {

    private HostFunctions() {}

    /**
     * {@code functions} with those named in {@code replacements} replaced: each replacement gets the function's
     * handle and returns the handle that answers instead.
     */
    static HostFunction[] replaced(
            HostFunction[] functions, Map<String, UnaryOperator<WasmFunctionHandle>> replacements) {
        HostFunction[] replaced = functions.clone();
        for (int i = 0; i < replaced.length; i++) {
            HostFunction original = replaced[i];
            UnaryOperator<WasmFunctionHandle> replacement = replacements.get(original.name());
            if (replacement != null) {
                replaced[i] = new HostFunction(
                        original.module(),
                        original.name(),
                        original.functionType(),
                        replacement.apply(original.handle()));
            }
        }
        return replaced;
    }

    /** The handle of the function {@code name}. */
    static WasmFunctionHandle handle(HostFunction[] functions, String name) {
        for (HostFunction function : functions) {
            if (function.name().equals(name)) {
                return function.handle();
            }
        }
        throw new IllegalStateException("Endive's WASI has no " + name);
    }
}
