package dev.wasmguest.internal.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** WIT text read into function types, and written back with every named type spelled out. */
class WitSignatureTest {

    private static String read(String text) {
        return WitSignature.describe(WitSignature.parse(text));
    }

    @Test
    void primitivesAndTheGenericTypes() {
        assertThat(read("func(a: bool, b: u8, c: s64, d: f32, e: char, f: string) -> u64"))
                .isEqualTo("func(a: bool, b: u8, c: s64, d: f32, e: char, f: string) -> u64");
        assertThat(read("func(l: list<list<u8>>, o: option<s32>) -> result<tuple<string, u32>, string>"))
                .isEqualTo("func(l: list<list<u8>>, o: option<s32>) -> result<tuple<string, u32>, string>");
        assertThat(read("func() -> result<_, string>")).isEqualTo("func() -> result<_, string>");
        assertThat(read("func() -> result")).isEqualTo("func() -> result<_>");
        assertThat(read("func()")).isEqualTo("func()");
    }

    @Test
    void namedTypesDefinedBeforeTheFunction() {
        String text = """
                // a comment
                record point { x: s32, y: s32, }
                enum color { red, green }
                flags access { read, write }
                variant shape { circle(u32), none }
                type points = list<point>;
                func(p: points, c: color, a: access, s: shape) -> option<point>
                """;

        assertThat(read(text))
                .isEqualTo("func(p: list<record { x: s32, y: s32 }>, c: enum { red, green }, a: flags { read, write },"
                        + " s: variant { circle(u32), none }) -> option<record { x: s32, y: s32 }>");
    }

    /** wit-bindgen's first versions spelled each export's signature in its name, with their own type names. */
    @Test
    void theFirstWitBindgensSpelling() {
        assertThat(read("rb-eval-string-protect: func(str: string) -> tuple<handle<rb-abi-value>, s32>"))
                .isEqualTo("func(str: string) -> tuple<borrow<rb-abi-value>, s32>");
        assertThat(read("f: func(x: float64, y: float32) -> ()")).isEqualTo("func(x: f64, y: f32)");
        assertThat(read("g: func() -> expected<u32, string>")).isEqualTo("func() -> result<u32, string>");
        assertThat(read("h: func(v: variant { success(u32), failure(string) }) -> ()"))
                .isEqualTo("func(v: variant { success(u32), failure(string) })");
    }

    @Test
    void whatCannotBeReadIsRefusedSayingWhere() {
        assertThatThrownBy(() -> WitSignature.parse("func(p: point) -> u32"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the type \"point\" is neither built in nor defined before the func");
        assertThatThrownBy(() -> WitSignature.parse("func(a: u32 -> u32"))
                .hasMessageContaining("expected \",\" at character 14, found \"->\"");
        assertThatThrownBy(() -> WitSignature.parse("func(a: u32) -> u32 extra"))
                .hasMessageContaining("expected the end after the function's type");
        assertThatThrownBy(() -> WitSignature.parse("func(a: own<r>)"))
                .hasMessageContaining("own<...> handles of a core module are not supported");
        assertThatThrownBy(() -> WitSignature.parse("interface x { }"))
                .hasMessageContaining("expected func(...) or a type's definition");
        assertThatThrownBy(() -> WitSignature.parse("func(a: u32) -> $")).hasMessageContaining("cannot read \"$\"");
    }
}
