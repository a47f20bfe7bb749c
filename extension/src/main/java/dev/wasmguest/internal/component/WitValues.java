package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WitCase;
import dev.wasmguest.WitHandle;
import dev.wasmguest.internal.component.ValueType.CaseType;
import dev.wasmguest.internal.component.ValueType.EnumType;
import dev.wasmguest.internal.component.ValueType.FlagsType;
import dev.wasmguest.internal.component.ValueType.HandleType;
import dev.wasmguest.internal.component.ValueType.ListType;
import dev.wasmguest.internal.component.ValueType.Named;
import dev.wasmguest.internal.component.ValueType.RecordType;
import dev.wasmguest.internal.component.ValueType.VariantType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Java values for WIT types, as typed calls take and give them, and their {@link CanonicalAbi} forms. A user's value
 * that does not fit its type is refused with the path to it ({@code argument "p" (point), field "x"}) and what would
 * fit. Handles are {@link WitHandle}s that belong to the instance that made them.
 *
 * <table>
 * <caption>WIT types in Java</caption>
 * <tr><th>WIT</th><th>given as</th><th>returned as</th></tr>
 * <tr><td>bool</td><td>Boolean</td><td>Boolean</td></tr>
 * <tr><td>s8, u8, s16, u16, s32</td><td>any integral Number in range</td><td>Integer</td></tr>
 * <tr><td>u32, s64</td><td>any integral Number in range</td><td>Long</td></tr>
 * <tr><td>u64</td><td>Long (its bits) or BigInteger</td><td>Long, by its bits</td></tr>
 * <tr><td>f32, f64</td><td>Number</td><td>Float, Double</td></tr>
 * <tr><td>char</td><td>a String of one code point, Character, or Integer code point</td><td>String</td></tr>
 * <tr><td>string</td><td>String</td><td>String</td></tr>
 * <tr><td>list&lt;u8&gt;, list&lt;s8&gt;</td><td>byte[] or List</td><td>byte[]</td></tr>
 * <tr><td>list, tuple</td><td>List, array</td><td>List</td></tr>
 * <tr><td>record</td><td>Map by field name, or a Java record by component name (camelCase)</td><td>Map</td></tr>
 * <tr><td>option</td><td>Optional, or null for none</td><td>Optional</td></tr>
 * <tr><td>result, variant</td><td>WitCase</td><td>WitCase</td></tr>
 * <tr><td>enum</td><td>the case's name, or a Java enum constant of that name</td><td>String</td></tr>
 * <tr><td>flags</td><td>a Set of the names that are set</td><td>Set, in declaration order</td></tr>
 * <tr><td>own, borrow, handle</td><td>a WitHandle from the same instance</td><td>WitHandle</td></tr>
 * </table>
 */
@API(status = INTERNAL, since = "0.1")
public final class WitValues {

    private final Object owner;

    /** @param owner the instance whose handles these are: a handle from another is refused */
    public WitValues(Object owner) {
        this.owner = owner;
    }

    /** A handle of this owner's; given back as an {@code own}, it is the guest's again and cannot be given twice. */
    private static final class Handle implements WitHandle {
        private final ValueType.ResourceType type;
        private final Object representation;
        private final Object owner;
        private boolean givenAway;

        Handle(ValueType.ResourceType type, Object representation, Object owner) {
            this.type = type;
            this.representation = representation;
            this.owner = owner;
        }

        @Override
        public String resource() {
            return type.name();
        }

        @Override
        public String toString() {
            return "handle<" + type.name() + ">" + (givenAway ? " (given away)" : "");
        }
    }

    /** The Java value for {@code abi}, a value of {@code type} as the canonical ABI lifted it. */
    public Object toJava(ValueType type, Object abi) {
        if (type instanceof TypeDef.Primitive primitive) {
            return switch (primitive) {
                case U32 -> Integer.toUnsignedLong((Integer) abi);
                case CHAR -> Character.toString((Integer) abi);
                default -> abi;
            };
        }
        if (type instanceof ListType list) {
            return abi instanceof byte[]
                    ? abi
                    : ((List<?>) abi)
                            .stream()
                                    .map(element -> toJava(list.element(), element))
                                    .toList();
        }
        if (type instanceof RecordType record) {
            List<?> fields = (List<?>) abi;
            if (record.isTuple()) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    values.add(toJava(record.fields().get(i).type(), fields.get(i)));
                }
                return java.util.Collections.unmodifiableList(values);
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                Named field = record.fields().get(i);
                values.put(field.name(), toJava(field.type(), fields.get(i)));
            }
            return java.util.Collections.unmodifiableMap(values);
        }
        if (type instanceof VariantType variant) {
            CaseValue value = (CaseValue) abi;
            CaseType chosen = variant.cases().get(value.index());
            Object payload = chosen.type().map(t -> toJava(t, value.value())).orElse(null);
            return variant.kind() == VariantType.Kind.OPTION
                    ? Optional.ofNullable(value.index() == 0 ? null : payload)
                    : new WitCase(chosen.name(), payload);
        }
        if (type instanceof EnumType enumType) {
            return enumType.names().get((Integer) abi);
        }
        if (type instanceof FlagsType flags) {
            Set<String> set = new LinkedHashSet<>();
            int bits = (Integer) abi;
            for (int i = 0; i < flags.names().size(); i++) {
                if ((bits & (1 << i)) != 0) {
                    set.add(flags.names().get(i));
                }
            }
            return java.util.Collections.unmodifiableSet(set);
        }
        return new Handle(((HandleType) type).resource(), abi, owner);
    }

    /**
     * The canonical ABI's form of {@code value} as a {@code type}.
     *
     * @param where the path to the value, for a message
     * @throws IllegalArgumentException when {@code value} does not fit {@code type}, naming {@code where}
     */
    public Object toAbi(ValueType type, Object value, String where) {
        if (type instanceof TypeDef.Primitive primitive) {
            return primitive(primitive, value, where);
        }
        if (type instanceof ListType list) {
            return list(list, value, where);
        }
        if (type instanceof RecordType record) {
            return record.isTuple() ? tuple(record, value, where) : record(record, value, where);
        }
        if (type instanceof VariantType variant) {
            return variant(variant, value, where);
        }
        if (type instanceof EnumType enumType) {
            String name = value instanceof Enum<?> constant
                    ? kebab(constant.name())
                    : expect(String.class, value, where, "an enum case's name");
            int index = enumType.names().indexOf(name);
            if (index < 0) {
                throw refused(where, value, "one of " + enumType.names());
            }
            return index;
        }
        if (type instanceof FlagsType flags) {
            int bits = 0;
            for (Object flag : expect(Collection.class, value, where, "a Set of flag names")) {
                int index = flags.names().indexOf(String.valueOf(flag));
                if (index < 0) {
                    throw refused(where, value, "a Set of " + flags.names());
                }
                bits |= 1 << index;
            }
            return bits;
        }
        HandleType handle = (HandleType) type;
        if (!(value instanceof Handle given)
                || given.owner != owner
                || !given.type.name().equals(handle.resource().name())) {
            throw refused(
                    where, value, "a WitHandle of a " + handle.resource().name() + " that this instance returned");
        }
        if (given.givenAway) {
            throw refused(
                    where,
                    value,
                    "a WitHandle not given away already: an own<"
                            + handle.resource().name() + "> passed to a call is the guest's");
        }
        given.givenAway = handle.owned();
        return given.representation;
    }

    private static Object primitive(TypeDef.Primitive primitive, Object value, String where) {
        return switch (primitive) {
            case BOOL -> expect(Boolean.class, value, where, "a Boolean");
            case S8 -> (int) integral(value, where, Byte.MIN_VALUE, Byte.MAX_VALUE, "s8");
            case U8 -> (int) integral(value, where, 0, 0xff, "u8");
            case S16 -> (int) integral(value, where, Short.MIN_VALUE, Short.MAX_VALUE, "s16");
            case U16 -> (int) integral(value, where, 0, 0xffff, "u16");
            case S32 -> (int) integral(value, where, Integer.MIN_VALUE, Integer.MAX_VALUE, "s32");
            case U32 -> (int) integral(value, where, 0, 0xffff_ffffL, "u32");
            case S64 -> integral(value, where, Long.MIN_VALUE, Long.MAX_VALUE, "s64");
            case U64 ->
                value instanceof java.math.BigInteger big && big.signum() >= 0 && big.bitLength() <= 64
                        ? big.longValue()
                        : integral(value, where, Long.MIN_VALUE, Long.MAX_VALUE, "u64 (a Long by its bits)");
            case F32 -> expect(Number.class, value, where, "a Number").floatValue();
            case F64 -> expect(Number.class, value, where, "a Number").doubleValue();
            case CHAR -> codePoint(value, where);
            case STRING -> expect(String.class, value, where, "a String");
        };
    }

    private static long integral(Object value, String where, long min, long max, String type) {
        boolean integral = value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof java.math.BigInteger big && big.bitLength() < 64;
        long number = integral ? ((Number) value).longValue() : 0;
        if (!integral || number < min || number > max) {
            throw refused(where, value, "an integer in range of " + type);
        }
        return number;
    }

    private static int codePoint(Object value, String where) {
        if (value instanceof Character c) {
            return c;
        }
        if (value instanceof Integer i && Character.isValidCodePoint(i)) {
            return i;
        }
        if (value instanceof String s && s.codePointCount(0, s.length()) == 1) {
            return s.codePointAt(0);
        }
        throw refused(where, value, "a String of one code point, a Character or a code point");
    }

    private Object list(ListType list, Object value, String where) {
        boolean bytes = list.element() == TypeDef.Primitive.U8 || list.element() == TypeDef.Primitive.S8;
        if (bytes && value instanceof byte[]) {
            return value;
        }
        List<?> elements = elements(value, where, "a List" + (bytes ? " or a byte[]" : ""));
        if (bytes) {
            byte[] array = new byte[elements.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = (byte) (int)
                        (Integer) primitive((TypeDef.Primitive) list.element(), elements.get(i), where + "[" + i + "]");
            }
            return array;
        }
        List<Object> lowered = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            lowered.add(toAbi(list.element(), elements.get(i), where + "[" + i + "]"));
        }
        return lowered;
    }

    private List<Object> tuple(RecordType tuple, Object value, String where) {
        List<?> elements = elements(value, where, "a List of " + tuple.fields().size());
        if (elements.size() != tuple.fields().size()) {
            throw refused(where, value, "a List of " + tuple.fields().size() + " values");
        }
        List<Object> lowered = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            lowered.add(toAbi(tuple.fields().get(i).type(), elements.get(i), where + "[" + i + "]"));
        }
        return lowered;
    }

    private List<Object> record(RecordType record, Object value, String where) {
        Map<String, Object> fields = value instanceof Record javaRecord ? components(javaRecord) : mapOf(value, where);
        List<String> names = record.fields().stream().map(Named::name).toList();
        if (!fields.keySet().equals(new java.util.HashSet<>(names))) {
            throw refused(where, value, "a Map or record with the fields " + names);
        }
        List<Object> lowered = new ArrayList<>();
        for (Named field : record.fields()) {
            lowered.add(toAbi(field.type(), fields.get(field.name()), where + ", field \"" + field.name() + "\""));
        }
        return lowered;
    }

    private CaseValue variant(VariantType variant, Object value, String where) {
        if (variant.kind() == VariantType.Kind.OPTION) {
            if (value == null || value instanceof Optional<?> o && o.isEmpty()) {
                return CaseValue.NONE;
            }
            Optional<?> some = expect(Optional.class, value, where, "an Optional (or null for none)");
            return CaseValue.some(toAbi(variant.cases().get(1).type().orElseThrow(), some.get(), where + ".get()"));
        }
        List<String> names = variant.cases().stream().map(CaseType::name).toList();
        WitCase given = expect(WitCase.class, value, where, "a WitCase of " + names);
        int index = names.indexOf(given.name());
        if (index < 0) {
            throw refused(where, value, "a WitCase of " + names);
        }
        Optional<ValueType> payload = variant.cases().get(index).type();
        if (payload.isEmpty() != (given.value() == null)) {
            throw refused(
                    where,
                    value,
                    "a WitCase \"" + given.name() + "\" " + (payload.isEmpty() ? "without" : "with") + " a value");
        }
        return new CaseValue(
                index,
                payload.map(t -> toAbi(t, given.value(), where + ", case \"" + given.name() + "\""))
                        .orElse(null));
    }

    private static List<?> elements(Object value, String where, String wanted) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> collection) {
            return List.copyOf(collection);
        }
        throw refused(where, value, wanted);
    }

    private static Map<String, Object> mapOf(Object value, String where) {
        Map<?, ?> map = expect(Map.class, value, where, "a Map by field name or a Java record");
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((key, field) -> fields.put(String.valueOf(key), field));
        return fields;
    }

    /** A Java record's components by their names in WIT's kebab-case. */
    private static Map<String, Object> components(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = component.getAccessor();
                if (!accessor.canAccess(record)) {
                    accessor.setAccessible(true); // a record declared inside a test class is not public
                }
                fields.put(kebab(component.getName()), accessor.invoke(record));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException(
                        "cannot read component " + component.getName() + " of "
                                + record.getClass().getName() + ": " + e,
                        e);
            }
        }
        return fields;
    }

    /** {@code camelCase} and {@code SNAKE_CASE} in WIT's {@code kebab-case}. */
    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }

    private static <T> T expect(Class<T> kind, Object value, String where, String wanted) {
        if (!kind.isInstance(value)) {
            throw refused(where, value, wanted);
        }
        return kind.cast(value);
    }

    private static IllegalArgumentException refused(String where, Object value, String wanted) {
        String given = value == null
                ? "null"
                : value.getClass().getSimpleName() + " "
                        + (value instanceof byte[] b ? java.util.Arrays.toString(b) : value);
        return new IllegalArgumentException(where + " must be " + wanted + ", not " + given);
    }
}
