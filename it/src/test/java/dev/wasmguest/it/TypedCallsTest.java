package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.UnknownImports;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiInstance;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.WitCase;
import dev.wasmguest.WitHandle;
import dev.wasmguest.junit.WasmGuest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Typed calls, with Java values for WIT types, in both engines: into a component's exports ({@code
 * guests/components/abi.wat}, which covers each canonical ABI type and a resource), and into a core module laid out
 * as wit-bindgen lays one out ({@code guests/reactor/witlib.c}), given its signature or reading the one its export's
 * name spells out.
 */
class TypedCallsTest {

    /** A WIT record as a Java record: components by the fields' names in camelCase. */
    record Rect(int width, int height) {}

    private static WasiInstance abi(WasiEngine engine) {
        return WasiRunner.fromResource("guests/abi.component.wasm")
                .withEngine(engine)
                .instantiate();
    }

    private static WasiInstance witlib(WasiEngine engine) {
        return WasiRunner.fromResource("guests/witlib.wasm").withEngine(engine).instantiate();
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aComponentsExportsTakeAndGiveJavaValues(WasiEngine engine) {
        try (WasiInstance abi = abi(engine)) {
            assertThat(abi.initialization()).succeeded();
            assertThat(abi.call("echo-string", "grüße, 世界 😀")).succeeded().returnedValue("grüße, 世界 😀");
            assertThat(abi.call("bump-record", Map.of("a", 41, "b", 1L << 40, "c", "kept")))
                    .returnedValue(Map.of("a", 42, "b", 1L << 41, "c", "kept"));
            assertThat(abi.call("flip", Set.of("x", "y")).returnedValue())
                    .contains(new LinkedHashSet<>(List.of("y", "z")));
            assertThat(abi.call("next-color", "blue")).returnedValue("red");
            assertThat(abi.call("next-char", "a")).returnedValue("b");
            assertThat(abi.call("half", 5.0)).returnedValue(2.5);
            assertThat(abi.call("check", Optional.of(41))).returnedValue(WitCase.ok(42L));
            assertThat(abi.call("check", Optional.empty())).returnedValue(WitCase.error("none"));
            assertThat(abi.call("sum", List.of(1, 2, 3, 0x7fffffff))).returnedValue(6L + 0x7fffffff);
            assertThat(abi.call("post-returns")).returnedValue(1).returned(1);
        }
    }

    /** A component's instance is injected as a module's is, and closed when the test ends. */
    @Test
    void aComponentsInstanceIsInjected(@WasmGuest(resource = "guests/abi.component.wasm") WasiInstance abi) {
        assertThat(abi.exportedFunctions()).contains("echo-string", "make", "last-dropped");
        assertThat(abi.call("echo-string", "injected")).returnedValue("injected");
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aResourceComesOutAsAHandleAndGoesBackIn(WasiEngine engine) {
        try (WasiInstance abi = abi(engine)) {
            WitHandle counter = (WitHandle) abi.call("make", 7).returnedValue().orElseThrow();

            assertThat(counter.resource()).isEqualTo("counter");
            assertThat(abi.call("peek", counter)).returnedValue(7L);
            assertThat(abi.call("consume", counter)).returnedValue(70L);
            assertThat(abi.call("last-dropped")).as("the destructor ran").returnedValue(7);
            assertThatThrownBy(() -> abi.call("peek", counter))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("argument 1 (c: borrow<counter>) of \"peek\"")
                    .hasMessageContaining("not given away already");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aValueThatDoesNotFitItsTypeIsRefusedByName(WasiEngine engine) {
        try (WasiInstance abi = abi(engine)) {
            assertThatThrownBy(() -> abi.call("bump-record", Map.of("a", 300, "b", 1L, "c", "")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("argument 1 (r: record { a: u8, b: u64, c: string }) of \"bump-record\"")
                    .hasMessageContaining("field \"a\" must be an integer in range of u8, not Integer 300");
            assertThatThrownBy(() -> abi.call("next-color", "purple"))
                    .hasMessageContaining("must be one of [red, green, blue], not String purple");
            assertThatThrownBy(() -> abi.call("echo-string"))
                    .hasMessageContaining("takes 1 argument (func(s: string) -> string), got 0");
            assertThatThrownBy(() -> abi.call("nothing-like-it"))
                    .hasMessageContaining(
                            "exports no function \"nothing-like-it\"; it exports echo-string, post-returns");
            assertThat(abi.call("echo-string", "still usable")).returnedValue("still usable");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aWitBindgenModuleIsCalledWithItsSignature(WasiEngine engine) {
        try (WasiInstance witlib = witlib(engine)) {
            WasiResult greeting = witlib.callWit("greet", "func(name: string) -> string", "World");

            assertThat(greeting).succeeded().returnedValue("Hello, World!").hasStdout("greeting 5 bytes\n");
            assertThat(witlib.call("frees")).as("its cabi_post_greet ran").returned(1);
            String rect = "record rect { width: u32, height: u32 } func(r: rect) -> u64";
            assertThat(witlib.callWit("area", rect, Map.of("width", 3, "height", 4)))
                    .returnedValue(12L);
            assertThat(witlib.callWit("area", rect, new Rect(5, 6))).returnedValue(30L);
            String parse = "func(text: string) -> result<s32, string>";
            assertThat(witlib.callWit("parse", parse, "-42")).returnedValue(WitCase.ok(-42));
            assertThat(witlib.callWit("parse", parse, "4x")).returnedValue(WitCase.error("not a number: 4x"));
            assertThat(witlib.callWit("sum", "func(values: list<s32>) -> s64", List.of(1, -2, 3_000_000)))
                    .returnedValue(2_999_999L);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void anExportWhoseNameSpellsItsSignatureIsCalledByItsName(WasiEngine engine) {
        try (WasiInstance witlib = witlib(engine)) {
            assertThat(witlib.call("count-bytes", "héllo")).returnedValue(6L);

            WitHandle box =
                    (WitHandle) witlib.call("make-box", 7).returnedValue().orElseThrow();
            assertThat(witlib.call("box-value", box)).returnedValue(7L);
            assertThat(witlib.call("box-value", box))
                    .as("a handle<r> is lent, not given")
                    .returnedValue(7L);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aSignatureThatDoesNotFitTheFunctionIsRefused(WasiEngine engine) {
        try (WasiInstance witlib = witlib(engine)) {
            assertThatThrownBy(() -> witlib.callWit("area", "func(a: u64) -> u64", 1L))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the WIT signature func(a: u64) -> u64 does not fit function \"area\"")
                    .hasMessageContaining("its core type is (i32, i32) -> (i64)");
            assertThatThrownBy(() -> witlib.callWit("area", "func(r: rect) -> u64", 1L))
                    .hasMessageContaining("the type \"rect\" is neither built in nor defined before the func");
            assertThatThrownBy(() -> witlib.call("greet", "World"))
                    .hasMessageContaining("takes numbers (i32, i32) -> (i32)")
                    .hasMessageContaining("callWit(name, signature, args...)");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void memoryIsReadAndWrittenRaw(WasiEngine engine) {
        try (WasiInstance witlib = witlib(engine);
                WasiInstance abi = abi(engine)) {
            long address = (Long) witlib.call("cabi_realloc", 0, 0, 1, 5)
                    .returnValues()
                    .get(0)
                    .longValue();
            witlib.writeMemory(address, "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(witlib.readMemory(address, 5))
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("hello");
            assertThat(witlib.call("count-bytes: func(s: string) -> u32", address, 5))
                    .returned(5);
            assertThatThrownBy(() -> witlib.readMemory(-1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> abi.readMemory(65_535, 2))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("are not all inside its memory of 65536 bytes");
        }
    }

    /**
     * A call is bounded like a run, and a component instance that trapped or was stopped cannot be entered again, as
     * in wasmtime: its state may be half-changed.
     */
    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aCallThatNeverEndsTimesOutAndATrapEndsTheInstance(WasiEngine engine) {
        WasiRunner abi = WasiRunner.fromResource("guests/abi.component.wasm").withEngine(engine);
        try (WasiInstance spinning = abi.withTimeout(Duration.ofSeconds(2)).instantiate()) {
            assertThat(spinning.call("spin")).timedOut();
            assertThatThrownBy(() -> spinning.call("echo-string", "more"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be called any more: its call of spin timed out after 2 s");
        }
        try (WasiInstance trapping = abi.instantiate()) {
            assertThat(trapping.call("boom")).trapped().hasTrapMessageContaining("unreachable");
            assertThatThrownBy(() -> trapping.call("echo-string", "more"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be called any more: its call of boom trapped");
        }
    }

    /** Imports no host here serves are refused by name, or follow wasmguest.imports.unknown, as a module's do. */
    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void importsNoHostServesFollowTheUnknownImportsSetting(WasiEngine engine) {
        WasiRunner vendor =
                WasiRunner.fromResource("guests/vendor.component.wasm").withEngine(engine);

        assertThatThrownBy(vendor::instantiate)
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageContaining("example:vendor/lookup@1.0.0: the WASI 0.2 host serves wasi:cli")
                .hasMessageContaining("wasi:sockets/instance-network@0.2.0: wasmguest grants guests no network access")
                .hasMessageContaining("wasmguest.imports.unknown=trap or =default-values");
        try (WasiInstance trapping =
                vendor.withUnknownImports(UnknownImports.TRAP).instantiate()) {
            assertThat(trapping.call("probe"))
                    .trapped()
                    .hasTrapMessageContaining("the guest called example:vendor/lookup@1.0.0#lookup, an import that"
                            + " no host here serves, linked as a function that traps (wasmguest.imports.unknown=trap)");
        }
        try (WasiInstance zeros =
                vendor.withUnknownImports(UnknownImports.DEFAULT_VALUES).instantiate()) {
            assertThat(zeros.call("probe")).returnedValue(1);
            assertThat(zeros.call("ready")).returnedValue(false);
        }
    }
}
