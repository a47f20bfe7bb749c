package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import run.endive.wasm.types.ValType;

/**
 * A call of a core function as {@code canon lift} makes it: the arguments lowered into core values (or, past 16 of
 * them, into the guest's memory with its {@code realloc}), the result lifted from core values (or from the memory a
 * returned pointer names), then the guest's {@code post-return} with the core results, so it can free them.
 */
@API(status = INTERNAL, since = "0.1")
public final class LiftedCall {

    /** A core function: core values in, core values out. */
    @FunctionalInterface
    public interface Core {
        long[] apply(long[] args);
    }

    private LiftedCall() {}

    /**
     * Calls {@code core} with {@code args}, values of {@code type}'s parameters as {@link CanonicalAbi} represents
     * them.
     *
     * @return the result as {@link CanonicalAbi} represents it; {@code null} for a function without one
     */
    public static Object call(
            AbiContext cx, FunctionType type, List<Object> args, Core core, Optional<Core> postReturn) {
        long[] results = core.apply(lower(cx, type, args));
        Object result = null;
        if (type.result().isPresent()) {
            ValueType resultType = type.result().get();
            result = CanonicalAbi.flatten(resultType).size() > CanonicalAbi.MAX_FLAT_RESULTS
                    ? CanonicalAbi.load(cx, (int) results[0], resultType)
                    : CanonicalAbi.liftFlat(cx, new CanonicalAbi.FlatReader(results), resultType);
        }
        long[] returned = results == null ? new long[0] : results;
        postReturn.ifPresent(post -> post.apply(returned));
        return result;
    }

    /**
     * The core function type a function of {@code type} is lifted from: its parameters' and result's core values, or
     * a pointer to them in memory when there are too many.
     */
    public static run.endive.wasm.types.FunctionType coreType(FunctionType type) {
        return run.endive.wasm.types.FunctionType.of(
                spilled(type.paramTypes(), CanonicalAbi.MAX_FLAT_PARAMS),
                spilled(type.result().stream().toList(), CanonicalAbi.MAX_FLAT_RESULTS));
    }

    /** The core values {@code types} pass as, or a pointer to them in memory when there are more than {@code max}. */
    private static List<ValType> spilled(List<ValueType> types, int max) {
        List<ValType> flat = new ArrayList<>();
        types.forEach(type -> CanonicalAbi.flatten(type).forEach(core -> flat.add(core.valType())));
        return flat.size() > max ? List.of(ValType.I32) : flat;
    }

    private static long[] lower(AbiContext cx, FunctionType type, List<Object> args) {
        List<Long> flat = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            CanonicalAbi.lowerFlat(cx, args.get(i), type.paramTypes().get(i), flat);
        }
        if (flat.size() <= CanonicalAbi.MAX_FLAT_PARAMS) {
            return flat.stream().mapToLong(Long::longValue).toArray();
        }
        ValueType.RecordType tuple = new ValueType.RecordType(type.params());
        int ptr = cx.allocate(CanonicalAbi.alignment(tuple), CanonicalAbi.size(tuple));
        CanonicalAbi.store(cx, args, tuple, ptr);
        return new long[] {ptr};
    }
}
