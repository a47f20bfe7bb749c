package dev.wasmguest.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.ValType;

/** Numbers to and from the encoding Endive gives WebAssembly values: every value a {@code long}, floats as bits. */
final class NumericValues {

    private NumericValues() {}

    /**
     * @throws IllegalArgumentException when {@code type} is not a number type, or {@code value} is null
     */
    static long encode(ValType type, Number value, String function, int index) {
        if (value == null) {
            throw new IllegalArgumentException(
                    "argument " + index + " of \"" + function + "\" is null; it takes " + name(type));
        }
        if (type.equals(ValType.I32)) {
            return value.intValue();
        } else if (type.equals(ValType.I64)) {
            return value.longValue();
        } else if (type.equals(ValType.F32)) {
            return Float.floatToRawIntBits(value.floatValue());
        } else if (type.equals(ValType.F64)) {
            return Double.doubleToRawLongBits(value.doubleValue());
        }
        throw new IllegalArgumentException("argument " + index + " of \"" + function + "\" is of type " + name(type)
                + "; only i32, i64, f32 and f64 can be given");
    }

    /** The values as {@code Integer}, {@code Long}, {@code Float} or {@code Double}; other types as their bits. */
    static List<Number> decode(List<ValType> types, long[] values) {
        List<Number> decoded = new ArrayList<>(values.length);
        for (int i = 0; i < values.length && i < types.size(); i++) {
            decoded.add(decode(types.get(i), values[i]));
        }
        return decoded;
    }

    private static Number decode(ValType type, long value) {
        if (type.equals(ValType.I32)) {
            return (int) value;
        } else if (type.equals(ValType.F32)) {
            return Float.intBitsToFloat((int) value);
        } else if (type.equals(ValType.F64)) {
            return Double.longBitsToDouble(value);
        }
        return value;
    }

    /** A core function type as messages show it: {@code (i32, i32) -> (i64)}. */
    static String describe(FunctionType type) {
        return type.params().stream().map(NumericValues::name).collect(Collectors.joining(", ", "(", ")")) + " -> "
                + type.returns().stream().map(NumericValues::name).collect(Collectors.joining(", ", "(", ")"));
    }

    static String name(ValType type) {
        if (type.equals(ValType.I32)) {
            return "i32";
        } else if (type.equals(ValType.I64)) {
            return "i64";
        } else if (type.equals(ValType.F32)) {
            return "f32";
        } else if (type.equals(ValType.F64)) {
            return "f64";
        }
        return type.toString().toLowerCase(Locale.ROOT);
    }
}
