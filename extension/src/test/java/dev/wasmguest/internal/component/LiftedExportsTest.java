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

    /** The guest's post-return runs after each call whose result has been read, with the call's core results. */
    @Test
    void postReturnRunsAfterTheResultIsRead() {
        call("echo-string", "one");
        call("echo-string", "two");

        assertThat(call("post-returns")).isEqualTo(2);
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

    /**
     * A resource the component defines: an owned handle comes out and goes back in (the component gets a handle of
     * its own table), a borrowed one goes in as the representation itself, and dropping the last handle inside runs
     * the destructor.
     */
    @Test
    void aResourceTheComponentDefinesGoesOutAndComesBack() {
        Object counter = call("make", 7);

        assertThat(call("peek", counter)).isEqualTo(7);
        assertThat(call("peek", counter))
                .as("a borrow leaves the counter with its owner")
                .isEqualTo(7);
        assertThat(call("last-dropped")).isEqualTo(-1);
        assertThat(call("consume", counter)).isEqualTo(70);
        assertThat(call("last-dropped")).as("the destructor ran on the count").isEqualTo(7);
    }

    @Test
    void theExportsHaveTheirComponentTypes() {
        FunctionType check = abi.export("check").orElseThrow().type();

        assertThat(check.params()).extracting(ValueType.Named::name).containsExactly("o");
        assertThat(check.result())
                .contains(ValueType.result(Optional.of(TypeDef.Primitive.U32), Optional.of(TypeDef.Primitive.STRING)));
    }
}
