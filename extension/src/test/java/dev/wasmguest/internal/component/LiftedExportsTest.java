package dev.wasmguest.internal.component;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.internal.load.TestGuests;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A component written by hand without the preview 1 adapter ({@code guests/components/abi.wat}): values of each
 * canonical ABI type go in from Java, are lowered into the guest's memory and core values (with its realloc), and come
 * back lifted, changed by the guest so that the round trip shows.
 */
class LiftedExportsTest {

    private final ComponentInstance abi = ComponentInstance.instantiate(
            ComponentParser.parse(TestGuests.resource("abi.component.wasm")),
            name -> Optional.empty(),
            new TestCores());

    private Object call(String function, Object... args) {
        return abi.export(function).orElseThrow().call(List.of(args));
    }

    @Test
    void stringsCrossInBothDirections() {
        assertThat(call("echo-string", "grüße, 世界 😀")).isEqualTo("grüße, 世界 😀");
        assertThat(call("echo-string", "")).isEqualTo("");
    }

    @Test
    void aRecordWithASmallIntegerALargeOneAndAString() {
        assertThat(call("bump-record", List.of(41, 1L << 40, "kept"))).isEqualTo(List.of(42, 1L << 41, "kept"));
    }

    @Test
    void flagsEnumsCharsAndFloats() {
        assertThat(call("flip", 0b0011)).isEqualTo(0b0110);
        assertThat(call("next-color", 2)).isEqualTo(0);
        assertThat(call("next-char", (int) 'a')).isEqualTo((int) 'b');
        assertThat(call("half", 5.0)).isEqualTo(2.5);
    }

    @Test
    void anOptionInAndAResultOut() {
        assertThat(call("check", CaseValue.some(41))).isEqualTo(CaseValue.ok(42));
        assertThat(call("check", CaseValue.NONE)).isEqualTo(CaseValue.error("none"));
    }

    @Test
    void aListIsCopiedIntoTheGuestsMemory() {
        assertThat(call("sum", List.of(1, 2, 3, 0x7fffffff))).isEqualTo(6L + 0x7fffffff);
    }

    @Test
    void theExportsHaveTheirComponentTypes() {
        FunctionType check = abi.export("check").orElseThrow().type();

        assertThat(check.params()).extracting(ValueType.Named::name).containsExactly("o");
        assertThat(check.result())
                .contains(ValueType.result(Optional.of(TypeDef.Primitive.U32), Optional.of(TypeDef.Primitive.STRING)));
    }
}
