package dev.wasmguest.internal.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.internal.component.CanonicalAbi.Core;
import dev.wasmguest.internal.component.Definition.StringEncoding;
import dev.wasmguest.internal.component.TypeDef.Primitive;
import dev.wasmguest.internal.component.ValueType.CaseType;
import dev.wasmguest.internal.component.ValueType.EnumType;
import dev.wasmguest.internal.component.ValueType.FlagsType;
import dev.wasmguest.internal.component.ValueType.HandleType;
import dev.wasmguest.internal.component.ValueType.ListType;
import dev.wasmguest.internal.component.ValueType.Named;
import dev.wasmguest.internal.component.ValueType.RecordType;
import dev.wasmguest.internal.component.ValueType.ResourceType;
import dev.wasmguest.internal.component.ValueType.VariantType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import run.endive.runtime.ByteArrayMemory;
import run.endive.runtime.Memory;
import run.endive.runtime.TrapException;
import run.endive.wasm.types.MemoryLimits;

/**
 * The canonical ABI's layout and flattening, held to the figures of {@code CanonicalABI.md}, and every WASI 0.2 value
 * type carried through memory and through core values unchanged, in each string encoding.
 */
class CanonicalAbiTest {

    private static final RecordType DATETIME =
            record(new Named("seconds", Primitive.U64), new Named("nanoseconds", Primitive.U32));
    private static final ResourceType DESCRIPTOR = new ResourceType("descriptor");
    private static final EnumType ERROR_CODE = new EnumType(List.of("access", "would-block", "already"));
    private static final VariantType STREAM_ERROR = new VariantType(List.of(
            new CaseType("last-operation-failed", Optional.of(new HandleType(new ResourceType("error"), true))),
            new CaseType("closed", Optional.empty())));

    @Test
    void layoutFollowsTheSpec() {
        assertThat(CanonicalAbi.size(DATETIME)).isEqualTo(16);
        assertThat(CanonicalAbi.alignment(DATETIME)).isEqualTo(8);
        assertThat(CanonicalAbi.size(record(new Named("a", Primitive.U8), new Named("b", Primitive.U32))))
                .isEqualTo(8);
        assertThat(CanonicalAbi.size(ValueType.option(Primitive.U8))).isEqualTo(2);
        assertThat(CanonicalAbi.size(ValueType.result(Optional.of(Primitive.U64), Optional.of(ERROR_CODE))))
                .isEqualTo(16);
        assertThat(CanonicalAbi.size(new FlagsType(names(9)))).isEqualTo(2);
        assertThat(CanonicalAbi.size(new FlagsType(names(17)))).isEqualTo(4);
        assertThat(CanonicalAbi.size(new EnumType(names(300)))).isEqualTo(2);
        assertThat(CanonicalAbi.size(Primitive.STRING)).isEqualTo(8);
        assertThat(CanonicalAbi.size(new ListType(DATETIME))).isEqualTo(8);
    }

    @Test
    void variantsFlattenToTheJoinOfTheirCases() {
        assertThat(CanonicalAbi.flatten(ValueType.result(Optional.of(Primitive.U64), Optional.of(Primitive.STRING))))
                .containsExactly(Core.I32, Core.I64, Core.I32);
        assertThat(CanonicalAbi.flatten(new VariantType(List.of(
                        new CaseType("f", Optional.of(Primitive.F32)), new CaseType("i", Optional.of(Primitive.U32))))))
                .containsExactly(Core.I32, Core.I32);
        assertThat(CanonicalAbi.flatten(ValueType.option(Primitive.F64))).containsExactly(Core.I32, Core.F64);
        assertThat(CanonicalAbi.flatten(DATETIME)).containsExactly(Core.I64, Core.I32);
    }

    @Test
    void everyTypeRoundTripsThroughMemoryAndCoreValues() {
        for (StringEncoding encoding : StringEncoding.values()) {
            Guest guest = new Guest(encoding);
            roundTrip(guest, Primitive.BOOL, true);
            roundTrip(guest, Primitive.S8, -5);
            roundTrip(guest, Primitive.U8, 250);
            roundTrip(guest, Primitive.S16, -30000);
            roundTrip(guest, Primitive.U16, 65000);
            roundTrip(guest, Primitive.U32, 0xfffffffe);
            roundTrip(guest, Primitive.S64, Long.MIN_VALUE);
            roundTrip(guest, Primitive.F32, 1.5f);
            roundTrip(guest, Primitive.F64, -2.25);
            roundTrip(guest, Primitive.CHAR, 0x1F600);
            roundTrip(guest, Primitive.STRING, "héllo, wörld 😀");
            roundTrip(guest, Primitive.STRING, "plain latin-1: café");
            roundTrip(guest, DATETIME, List.of(1_700_000_000L, 123_456_789));
            roundTrip(guest, new ListType(Primitive.STRING), List.of("a", "", "ü"));
            roundTrip(guest, ValueType.option(Primitive.STRING), CaseValue.some("x"));
            roundTrip(guest, ValueType.option(Primitive.STRING), CaseValue.NONE);
            roundTrip(guest, ValueType.result(Optional.of(Primitive.U64), Optional.of(ERROR_CODE)), CaseValue.ok(7L));
            roundTrip(guest, ValueType.result(Optional.of(Primitive.U64), Optional.of(ERROR_CODE)), CaseValue.error(2));
            roundTrip(guest, new FlagsType(names(6)), 0b100101);
            roundTrip(guest, STREAM_ERROR, CaseValue.error(null));
            roundTrip(
                    guest,
                    new ListType(record(
                            new Named("d", new HandleType(DESCRIPTOR, true)), new Named("path", Primitive.STRING))),
                    List.of(List.of("the-root", "/")));
        }
    }

    @Test
    void bytesTravelAsByteArrays() {
        Guest guest = new Guest(StringEncoding.UTF8);
        ListType bytes = new ListType(Primitive.U8);

        assertThat((byte[]) fromMemory(guest, bytes, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
        assertThat((byte[]) fromCoreValues(guest, bytes, new byte[] {4, 5})).containsExactly(4, 5);
    }

    @Test
    void badValuesFromTheGuestTrap() {
        Guest guest = new Guest(StringEncoding.UTF8);
        assertThatThrownBy(() -> CanonicalAbi.liftFlat(guest, new CanonicalAbi.FlatReader(new long[] {3}), ERROR_CODE))
                .isInstanceOf(TrapException.class)
                .hasMessage("invalid case 3 of 3");
        assertThatThrownBy(() ->
                        CanonicalAbi.liftFlat(guest, new CanonicalAbi.FlatReader(new long[] {0xD800}), Primitive.CHAR))
                .isInstanceOf(TrapException.class)
                .hasMessage("invalid char 55296");
        assertThatThrownBy(() -> CanonicalAbi.liftFlat(
                        guest, new CanonicalAbi.FlatReader(new long[] {65000, 1000}), Primitive.STRING))
                .isInstanceOf(TrapException.class)
                .hasMessageStartingWith("string out of bounds");
    }

    private static void roundTrip(Guest guest, ValueType type, Object value) {
        assertThat(fromMemory(guest, type, value))
                .as("%s through memory in %s", type, guest.encoding)
                .isEqualTo(value);
        assertThat(fromCoreValues(guest, type, value))
                .as("%s through core values in %s", type, guest.encoding)
                .isEqualTo(value);
    }

    private static Object fromMemory(Guest guest, ValueType type, Object value) {
        int ptr = guest.allocate(CanonicalAbi.alignment(type), CanonicalAbi.size(type));
        CanonicalAbi.store(guest, value, type, ptr);
        return CanonicalAbi.load(guest, ptr, type);
    }

    private static Object fromCoreValues(Guest guest, ValueType type, Object value) {
        List<Long> flat = new ArrayList<>();
        CanonicalAbi.lowerFlat(guest, value, type, flat);
        assertThat(flat).hasSameSizeAs(CanonicalAbi.flatten(type));
        return CanonicalAbi.liftFlat(
                guest,
                new CanonicalAbi.FlatReader(
                        flat.stream().mapToLong(Long::longValue).toArray()),
                type);
    }

    private static RecordType record(Named... fields) {
        return new RecordType(List.of(fields));
    }

    private static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(i -> "n" + i).toList();
    }

    /** A guest's side of a call: one page of memory, a bump allocator, and a handle table. */
    private static final class Guest implements AbiContext {
        private final Memory memory = new ByteArrayMemory(new MemoryLimits(1));
        private final StringEncoding encoding;
        private final Map<Integer, Object> handles = new HashMap<>();
        private int next = 16;

        Guest(StringEncoding encoding) {
            this.encoding = encoding;
        }

        @Override
        public Memory memory() {
            return memory;
        }

        @Override
        public StringEncoding encoding() {
            return encoding;
        }

        @Override
        public int allocate(int alignment, int size) {
            next = CanonicalAbi.alignTo(next, alignment);
            int ptr = next;
            next += size;
            return ptr;
        }

        @Override
        public int lowerHandle(HandleType type, Object representation) {
            int handle = handles.size() + 1;
            handles.put(handle, representation);
            return handle;
        }

        @Override
        public Object liftHandle(HandleType type, int handle) {
            return type.owned() ? handles.remove(handle) : handles.get(handle);
        }
    }
}
