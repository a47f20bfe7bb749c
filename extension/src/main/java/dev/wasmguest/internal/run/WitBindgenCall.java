package dev.wasmguest.internal.run;

import dev.wasmguest.internal.component.AbiContext;
import dev.wasmguest.internal.component.Definition;
import dev.wasmguest.internal.component.FunctionType;
import dev.wasmguest.internal.component.LiftedCall;
import dev.wasmguest.internal.component.ValueType;
import dev.wasmguest.internal.component.WitSignature;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.TrapException;

/**
 * A call of a core module's function that wit-bindgen made, as a component's {@code canon lift} would call it: the
 * arguments lowered into the module's memory with its {@code cabi_realloc}, the result lifted, then its {@code
 * cabi_post_<name>}; wit-bindgen's first ABI keeps handles in the host's tables ({@link WitBindgenHandles}).
 *
 * @param export the export's full name (for wit-bindgen's first ABI, name and signature)
 * @param name the function's name
 */
record WitBindgenCall(Instance instance, Set<String> exports, WitBindgenHandles handles, String export, String name) {

    /**
     * Refuses a signature whose core form is not the export's type, which would call it with the wrong values.
     *
     * @throws IllegalArgumentException naming both types
     */
    void requireFits(FunctionType signature, String source) {
        run.endive.wasm.types.FunctionType lifted = LiftedCall.coreType(signature);
        run.endive.wasm.types.FunctionType core = instance.exportType(export);
        if (!core.params().equals(lifted.params()) || !core.returns().equals(lifted.returns())) {
            throw new IllegalArgumentException("the WIT signature " + WitSignature.describe(signature) + " does not fit"
                    + " function \"" + name + "\" of guest module " + source + ": its core type is "
                    + NumericValues.describe(core) + ", and the signature's would be "
                    + NumericValues.describe(lifted));
        }
    }

    /**
     * Calls the function with {@code args}, as the canonical ABI represents them.
     *
     * @return its result as the canonical ABI represents it; {@code null} for a function without one
     */
    Object call(FunctionType signature, List<Object> args) {
        Optional<LiftedCall.Core> postReturn = Stream.of("cabi_post_" + name, "cabi_post_" + export)
                .filter(exports::contains)
                .findFirst()
                .map(post -> flat -> instance.export(post).apply(flat));
        return LiftedCall.call(
                context(), signature, args, flat -> instance.export(export).apply(flat), postReturn);
    }

    /** Where the canonical ABI reads and writes: the module's memory, its {@code cabi_realloc}, the handle tables. */
    private AbiContext context() {
        Optional<String> realloc = Stream.of("cabi_realloc", "canonical_abi_realloc")
                .filter(exports::contains)
                .findFirst();
        return new AbiContext() {
            @Override
            public Memory memory() {
                return instance.memory();
            }

            @Override
            public Definition.StringEncoding encoding() {
                return Definition.StringEncoding.UTF8;
            }

            @Override
            public int allocate(int alignment, int size) {
                String allocator = realloc.orElseThrow(() -> new TrapException("the module exports no cabi_realloc,"
                        + " which wit-bindgen's modules export to receive lists and strings"));
                return (int) instance.export(allocator).apply(0, 0, alignment, size)[0];
            }

            @Override
            public int lowerHandle(ValueType.HandleType type, Object representation) {
                return handles.add(type.resource().name(), (Integer) representation);
            }

            @Override
            public Object liftHandle(ValueType.HandleType type, int handle) {
                return type.owned()
                        ? handles.remove(type.resource().name(), handle)
                        : handles.get(type.resource().name(), handle);
            }
        };
    }
}
