package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.component.ValueType.CaseType;
import dev.wasmguest.internal.component.ValueType.EnumType;
import dev.wasmguest.internal.component.ValueType.FlagsType;
import dev.wasmguest.internal.component.ValueType.HandleType;
import dev.wasmguest.internal.component.ValueType.ListType;
import dev.wasmguest.internal.component.ValueType.Named;
import dev.wasmguest.internal.component.ValueType.RecordType;
import dev.wasmguest.internal.component.ValueType.VariantType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import run.endive.runtime.Memory;
import run.endive.runtime.TrapException;
import run.endive.wasm.types.ValType;

/**
 * The synchronous canonical ABI of the component model: how each value type is laid out in a guest's linear memory
 * ({@link #size}, {@link #alignment}, {@link #load}, {@link #store}) and passed as core values ({@link #flatten},
 * {@link #liftFlat}, {@link #lowerFlat}), as {@code CanonicalABI.md} defines them for 32-bit memories.
 *
 * <p>Java values: {@code bool} is a {@link Boolean}; integers of up to 32 bits and {@code char} (its code point) are
 * {@link Integer}s, {@code u32} by its bits; 64-bit integers {@link Long}s; floats {@link Float} and {@link Double};
 * strings {@link String}; {@code list<u8>} a {@code byte[]} and other lists {@link List}s; records and tuples
 * {@link List}s of their fields in order; variants, options and results {@link CaseValue}s; enums their case's index
 * and flags their bits, as {@link Integer}s; handles what the {@link AbiContext} makes of them.
 */
@API(status = INTERNAL, since = "0.1")
public final class CanonicalAbi {

    /** The core value types that component values flatten to. */
    public enum Core {
        I32(ValType.I32),
        I64(ValType.I64),
        F32(ValType.F32),
        F64(ValType.F64);

        private final ValType valType;

        Core(ValType valType) {
            this.valType = valType;
        }

        /** The core value type, as the runtime names it. */
        public ValType valType() {
            return valType;
        }
    }

    public static final int MAX_FLAT_PARAMS = 16;
    public static final int MAX_FLAT_RESULTS = 1;

    private static final int MAX_STRING_BYTES = (1 << 28) - 1;

    private CanonicalAbi() {}

    public static int alignment(ValueType type) {
        if (type instanceof TypeDef.Primitive primitive) {
            return switch (primitive) {
                case BOOL, S8, U8 -> 1;
                case S16, U16 -> 2;
                case S32, U32, F32, CHAR, STRING -> 4;
                case S64, U64, F64 -> 8;
            };
        }
        if (type instanceof RecordType record) {
            return record.fields().stream()
                    .mapToInt(field -> alignment(field.type()))
                    .max()
                    .orElse(1);
        }
        if (type instanceof VariantType variant) {
            return Math.max(discriminantSize(variant), maxCaseAlignment(variant));
        }
        if (type instanceof FlagsType flags) {
            return flagsSize(flags);
        }
        if (type instanceof EnumType enumType) {
            return discriminantSize(enumType.names().size());
        }
        return 4; // lists and handles
    }

    public static int size(ValueType type) {
        if (type instanceof TypeDef.Primitive primitive) {
            return switch (primitive) {
                case BOOL, S8, U8 -> 1;
                case S16, U16 -> 2;
                case S32, U32, F32, CHAR -> 4;
                case S64, U64, F64, STRING -> 8;
            };
        }
        if (type instanceof ListType) {
            return 8;
        }
        if (type instanceof RecordType record) {
            int size = 0;
            for (Named field : record.fields()) {
                size = alignTo(size, alignment(field.type())) + size(field.type());
            }
            return alignTo(size, alignment(record));
        }
        if (type instanceof VariantType variant) {
            int size = alignTo(discriminantSize(variant), maxCaseAlignment(variant));
            int largest = 0;
            for (CaseType c : variant.cases()) {
                largest = Math.max(largest, c.type().map(CanonicalAbi::size).orElse(0));
            }
            return alignTo(size + largest, alignment(variant));
        }
        if (type instanceof FlagsType flags) {
            return flagsSize(flags);
        }
        if (type instanceof EnumType enumType) {
            return discriminantSize(enumType.names().size());
        }
        return 4; // handles
    }

    /** The core values {@code type} passes as, in order. */
    public static List<Core> flatten(ValueType type) {
        List<Core> flat = new ArrayList<>();
        flattenInto(type, flat);
        return flat;
    }

    private static void flattenInto(ValueType type, List<Core> flat) {
        if (type == TypeDef.Primitive.S64 || type == TypeDef.Primitive.U64) {
            flat.add(Core.I64);
        } else if (type == TypeDef.Primitive.F32) {
            flat.add(Core.F32);
        } else if (type == TypeDef.Primitive.F64) {
            flat.add(Core.F64);
        } else if (type == TypeDef.Primitive.STRING || type instanceof ListType) {
            flat.add(Core.I32);
            flat.add(Core.I32);
        } else if (type instanceof RecordType record) {
            record.fields().forEach(field -> flattenInto(field.type(), flat));
        } else if (type instanceof VariantType variant) {
            flat.add(Core.I32);
            flat.addAll(joinedPayload(variant));
        } else {
            flat.add(Core.I32); // the other primitives, flags, enums, handles
        }
    }

    /** The cases' payloads flattened onto one another, each position joined to fit every case. */
    private static List<Core> joinedPayload(VariantType variant) {
        List<Core> joined = new ArrayList<>();
        for (CaseType c : variant.cases()) {
            if (c.type().isEmpty()) {
                continue;
            }
            List<Core> payload = flatten(c.type().get());
            for (int i = 0; i < payload.size(); i++) {
                if (i < joined.size()) {
                    joined.set(i, join(joined.get(i), payload.get(i)));
                } else {
                    joined.add(payload.get(i));
                }
            }
        }
        return joined;
    }

    private static Core join(Core a, Core b) {
        if (a == b) {
            return a;
        }
        if (a == Core.I32 && b == Core.F32 || a == Core.F32 && b == Core.I32) {
            return Core.I32;
        }
        return Core.I64;
    }

    // ---- memory ----

    public static Object load(AbiContext cx, int ptr, ValueType type) {
        checkBounds(cx, ptr, type);
        Memory memory = cx.memory();
        if (type instanceof TypeDef.Primitive primitive) {
            return switch (primitive) {
                case BOOL -> memory.read(ptr) != 0;
                case S8 -> (int) memory.read(ptr);
                case U8 -> memory.read(ptr) & 0xff;
                case S16 -> (int) memory.readShort(ptr);
                case U16 -> memory.readShort(ptr) & 0xffff;
                case S32, U32 -> memory.readInt(ptr);
                case CHAR -> checkedChar(memory.readInt(ptr));
                case S64, U64 -> memory.readLong(ptr);
                case F32 -> memory.readFloat(ptr);
                case F64 -> Double.longBitsToDouble(memory.readLong(ptr));
                case STRING -> loadString(cx, memory.readInt(ptr), memory.readInt(ptr + 4));
            };
        }
        if (type instanceof ListType list) {
            return loadList(cx, memory.readInt(ptr), memory.readInt(ptr + 4), list.element());
        }
        if (type instanceof RecordType record) {
            List<Object> fields = new ArrayList<>(record.fields().size());
            int offset = ptr;
            for (Named field : record.fields()) {
                offset = alignTo(offset, alignment(field.type()));
                fields.add(load(cx, offset, field.type()));
                offset += size(field.type());
            }
            return fields;
        }
        if (type instanceof VariantType variant) {
            int index = checkedCase(
                    loadDiscriminant(memory, ptr, discriminantSize(variant)),
                    variant.cases().size());
            int payload = ptr + alignTo(discriminantSize(variant), maxCaseAlignment(variant));
            return new CaseValue(
                    index,
                    variant.cases()
                            .get(index)
                            .type()
                            .map(t -> load(cx, payload, t))
                            .orElse(null));
        }
        if (type instanceof FlagsType flags) {
            return loadDiscriminant(memory, ptr, flagsSize(flags));
        }
        if (type instanceof EnumType enumType) {
            int cases = enumType.names().size();
            return checkedCase(loadDiscriminant(memory, ptr, discriminantSize(cases)), cases);
        }
        return cx.liftHandle((HandleType) type, memory.readInt(ptr));
    }

    public static void store(AbiContext cx, Object value, ValueType type, int ptr) {
        checkBounds(cx, ptr, type);
        Memory memory = cx.memory();
        if (type instanceof TypeDef.Primitive primitive) {
            switch (primitive) {
                case BOOL -> memory.writeByte(ptr, (byte) ((Boolean) value ? 1 : 0));
                case S8, U8 -> memory.writeByte(ptr, (byte) (int) (Integer) value);
                case S16, U16 -> memory.writeShort(ptr, (short) (int) (Integer) value);
                case S32, U32, CHAR -> memory.writeI32(ptr, (Integer) value);
                case S64, U64 -> memory.writeLong(ptr, (Long) value);
                case F32 -> memory.writeF32(ptr, (Float) value);
                case F64 -> memory.writeF64(ptr, (Double) value);
                case STRING -> storeRange(memory, ptr, storeString(cx, (String) value));
            }
        } else if (type instanceof ListType list) {
            storeRange(memory, ptr, storeList(cx, value, list.element()));
        } else if (type instanceof RecordType record) {
            List<?> fields = (List<?>) value;
            int offset = ptr;
            for (int i = 0; i < record.fields().size(); i++) {
                ValueType fieldType = record.fields().get(i).type();
                offset = alignTo(offset, alignment(fieldType));
                store(cx, fields.get(i), fieldType, offset);
                offset += size(fieldType);
            }
        } else if (type instanceof VariantType variant) {
            CaseValue caseValue = (CaseValue) value;
            storeDiscriminant(memory, ptr, discriminantSize(variant), caseValue.index());
            int payload = ptr + alignTo(discriminantSize(variant), maxCaseAlignment(variant));
            variant.cases().get(caseValue.index()).type().ifPresent(t -> store(cx, caseValue.value(), t, payload));
        } else if (type instanceof FlagsType flags) {
            storeDiscriminant(memory, ptr, flagsSize(flags), (Integer) value);
        } else if (type instanceof EnumType enumType) {
            storeDiscriminant(memory, ptr, discriminantSize(enumType.names().size()), (Integer) value);
        } else {
            memory.writeI32(ptr, cx.lowerHandle((HandleType) type, value));
        }
    }

    private static void storeRange(Memory memory, int ptr, int[] range) {
        memory.writeI32(ptr, range[0]);
        memory.writeI32(ptr + 4, range[1]);
    }

    // ---- flat ----

    /** Core values being read in order, each as its flattened type says. */
    public static final class FlatReader {
        private final long[] values;
        private int next;

        public FlatReader(long[] values) {
            this.values = values;
        }

        long next() {
            if (next >= values.length) {
                throw new TrapException("fewer core values than the component type needs");
            }
            return values[next++];
        }
    }

    public static Object liftFlat(AbiContext cx, FlatReader in, ValueType type) {
        if (type instanceof TypeDef.Primitive primitive) {
            return switch (primitive) {
                case BOOL -> (int) in.next() != 0;
                case S8 -> (int) (byte) in.next();
                case U8 -> (int) in.next() & 0xff;
                case S16 -> (int) (short) in.next();
                case U16 -> (int) in.next() & 0xffff;
                case S32, U32 -> (int) in.next();
                case CHAR -> checkedChar((int) in.next());
                case S64, U64 -> in.next();
                case F32 -> Float.intBitsToFloat((int) in.next());
                case F64 -> Double.longBitsToDouble(in.next());
                case STRING -> loadString(cx, (int) in.next(), (int) in.next());
            };
        }
        if (type instanceof ListType list) {
            return loadList(cx, (int) in.next(), (int) in.next(), list.element());
        }
        if (type instanceof RecordType record) {
            List<Object> fields = new ArrayList<>(record.fields().size());
            for (Named field : record.fields()) {
                fields.add(liftFlat(cx, in, field.type()));
            }
            return fields;
        }
        if (type instanceof VariantType variant) {
            return liftFlatVariant(cx, in, variant);
        }
        if (type instanceof FlagsType) {
            return (int) in.next();
        }
        if (type instanceof EnumType enumType) {
            return checkedCase((int) in.next(), enumType.names().size());
        }
        return cx.liftHandle((HandleType) type, (int) in.next());
    }

    private static Object liftFlatVariant(AbiContext cx, FlatReader in, VariantType variant) {
        int index = checkedCase((int) in.next(), variant.cases().size());
        List<Core> joined = joinedPayload(variant);
        long[] payload = new long[joined.size()];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = in.next();
        }
        Object value = variant.cases()
                .get(index)
                .type()
                .map(t -> liftFlat(cx, new FlatReader(coerce(payload, joined, flatten(t))), t))
                .orElse(null);
        return new CaseValue(index, value);
    }

    /** A case's own core values from the joined ones: narrowed from i64, floats from their bits. */
    private static long[] coerce(long[] joinedValues, List<Core> joined, List<Core> wanted) {
        long[] values = new long[wanted.size()];
        for (int i = 0; i < values.length; i++) {
            long value = joinedValues[i];
            Core want = wanted.get(i);
            values[i] = joined.get(i) == Core.I64 && want != Core.I64 && want != Core.F64 ? value & 0xffffffffL : value;
        }
        return values;
    }

    public static void lowerFlat(AbiContext cx, Object value, ValueType type, List<Long> out) {
        if (type instanceof TypeDef.Primitive primitive) {
            switch (primitive) {
                case BOOL -> out.add((Boolean) value ? 1L : 0L);
                case S64, U64 -> out.add((Long) value);
                case F32 -> out.add((long) Float.floatToRawIntBits((Float) value));
                case F64 -> out.add(Double.doubleToRawLongBits((Double) value));
                case STRING -> addRange(out, storeString(cx, (String) value));
                default -> out.add((long) (Integer) value);
            }
        } else if (type instanceof ListType list) {
            addRange(out, storeList(cx, value, list.element()));
        } else if (type instanceof RecordType record) {
            List<?> fields = (List<?>) value;
            for (int i = 0; i < record.fields().size(); i++) {
                lowerFlat(cx, fields.get(i), record.fields().get(i).type(), out);
            }
        } else if (type instanceof VariantType variant) {
            CaseValue caseValue = (CaseValue) value;
            out.add((long) caseValue.index());
            List<Core> joined = joinedPayload(variant);
            List<Long> payload = new ArrayList<>();
            variant.cases().get(caseValue.index()).type().ifPresent(t -> lowerFlat(cx, caseValue.value(), t, payload));
            for (int i = 0; i < joined.size(); i++) {
                out.add(i < payload.size() ? payload.get(i) : 0L);
            }
        } else if (type instanceof HandleType handle) {
            out.add((long) cx.lowerHandle(handle, value));
        } else {
            out.add((long) (Integer) value); // flags, enums
        }
    }

    private static void addRange(List<Long> out, int[] range) {
        out.add((long) range[0]);
        out.add((long) range[1]);
    }

    // ---- strings and lists ----

    private static String loadString(AbiContext cx, int ptr, int taggedLength) {
        return switch (cx.encoding()) {
            case UTF8 -> new String(readRange(cx, ptr, taggedLength, 1), StandardCharsets.UTF_8);
            case UTF16 -> new String(readRange(cx, ptr, taggedLength, 2), StandardCharsets.UTF_16LE);
            case LATIN1_UTF16 ->
                (taggedLength & 0x80000000) != 0
                        ? new String(readRange(cx, ptr, taggedLength & 0x7fffffff, 2), StandardCharsets.UTF_16LE)
                        : new String(readRange(cx, ptr, taggedLength, 1), StandardCharsets.ISO_8859_1);
        };
    }

    private static byte[] readRange(AbiContext cx, int ptr, int units, int unitSize) {
        long bytes = Integer.toUnsignedLong(units) * unitSize;
        if (bytes > MAX_STRING_BYTES || Integer.toUnsignedLong(ptr) + bytes > memorySize(cx)) {
            throw new TrapException("string out of bounds: " + Integer.toUnsignedString(units) + " code units at "
                    + Integer.toUnsignedString(ptr));
        }
        if (unitSize == 2 && (ptr & 1) != 0) {
            throw new TrapException("misaligned UTF-16 string at " + Integer.toUnsignedString(ptr));
        }
        return cx.memory().readBytes(ptr, (int) bytes);
    }

    /** Stores a string as the guest's encoding says: its pointer and its (tagged) length in code units. */
    private static int[] storeString(AbiContext cx, String value) {
        return switch (cx.encoding()) {
            case UTF8 -> storeBytes(cx, value.getBytes(StandardCharsets.UTF_8), 1, 1);
            case UTF16 -> storeBytes(cx, value.getBytes(StandardCharsets.UTF_16LE), 2, 2);
            case LATIN1_UTF16 ->
                value.chars().allMatch(c -> c < 0x100)
                        ? storeBytes(cx, value.getBytes(StandardCharsets.ISO_8859_1), 2, 1)
                        : tagged(storeBytes(cx, value.getBytes(StandardCharsets.UTF_16LE), 2, 2));
        };
    }

    private static int[] tagged(int[] range) {
        return new int[] {range[0], range[1] | 0x80000000};
    }

    private static int[] storeBytes(AbiContext cx, byte[] bytes, int alignment, int unitSize) {
        int ptr = allocate(cx, alignment, bytes.length);
        cx.memory().write(ptr, bytes);
        return new int[] {ptr, bytes.length / unitSize};
    }

    private static Object loadList(AbiContext cx, int ptr, int length, ValueType element) {
        int size = size(element);
        long bytes = Integer.toUnsignedLong(length) * size;
        if (Integer.toUnsignedLong(ptr) + bytes > memorySize(cx) || ptr % alignment(element) != 0) {
            throw new TrapException("list out of bounds or misaligned: " + Integer.toUnsignedString(length)
                    + " elements at " + Integer.toUnsignedString(ptr));
        }
        if (element == TypeDef.Primitive.U8 || element == TypeDef.Primitive.S8) {
            return cx.memory().readBytes(ptr, length);
        }
        List<Object> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            list.add(load(cx, ptr + i * size, element));
        }
        return list;
    }

    private static int[] storeList(AbiContext cx, Object value, ValueType element) {
        if (value instanceof byte[] bytes) {
            return storeBytes(cx, bytes, 1, 1);
        }
        List<?> list = (List<?>) value;
        int size = size(element);
        int ptr = allocate(cx, alignment(element), list.size() * size);
        for (int i = 0; i < list.size(); i++) {
            store(cx, list.get(i), element, ptr + i * size);
        }
        return new int[] {ptr, list.size()};
    }

    private static int allocate(AbiContext cx, int alignment, int size) {
        int ptr = cx.allocate(alignment, size);
        if (ptr % alignment != 0 || Integer.toUnsignedLong(ptr) + size > memorySize(cx)) {
            throw new TrapException("realloc returned " + Integer.toUnsignedString(ptr) + " for " + size
                    + " bytes at alignment " + alignment + ": misaligned or out of bounds");
        }
        return ptr;
    }

    // ---- helpers ----

    private static void checkBounds(AbiContext cx, int ptr, ValueType type) {
        if (ptr % alignment(type) != 0 || Integer.toUnsignedLong(ptr) + size(type) > memorySize(cx)) {
            throw new TrapException("a value of " + size(type) + " bytes at " + Integer.toUnsignedString(ptr)
                    + " is misaligned or out of bounds");
        }
    }

    private static long memorySize(AbiContext cx) {
        return (long) cx.memory().pages() * 65536;
    }

    private static int checkedChar(int codePoint) {
        if (codePoint < 0 || codePoint > 0x10ffff || codePoint >= 0xd800 && codePoint <= 0xdfff) {
            throw new TrapException("invalid char " + Integer.toUnsignedString(codePoint));
        }
        return codePoint;
    }

    private static int checkedCase(int index, int cases) {
        if (index < 0 || index >= cases) {
            throw new TrapException("invalid case " + Integer.toUnsignedString(index) + " of " + cases);
        }
        return index;
    }

    private static int discriminantSize(VariantType variant) {
        return discriminantSize(variant.cases().size());
    }

    private static int discriminantSize(int cases) {
        return cases <= 256 ? 1 : cases <= 65536 ? 2 : 4;
    }

    private static int maxCaseAlignment(VariantType variant) {
        return variant.cases().stream()
                .flatMap(c -> c.type().stream())
                .mapToInt(CanonicalAbi::alignment)
                .max()
                .orElse(1);
    }

    private static int flagsSize(FlagsType flags) {
        int n = flags.names().size();
        return n <= 8 ? 1 : n <= 16 ? 2 : 4;
    }

    private static int loadDiscriminant(Memory memory, int ptr, int size) {
        return switch (size) {
            case 1 -> memory.read(ptr) & 0xff;
            case 2 -> memory.readShort(ptr) & 0xffff;
            default -> memory.readInt(ptr);
        };
    }

    private static void storeDiscriminant(Memory memory, int ptr, int size, int value) {
        switch (size) {
            case 1 -> memory.writeByte(ptr, (byte) value);
            case 2 -> memory.writeShort(ptr, (short) value);
            default -> memory.writeI32(ptr, value);
        }
    }

    static int alignTo(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }
}
