package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.UnknownImports;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiRunner;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A module that imports functions besides WASI's: refused with a list of them by default, runnable with them linked
 * as functions that trap or return zeros (as wasmtime's options do), or answered by the test's own Java functions.
 */
class UnknownImportsTest {

    private static final WasiRunner HOSTCALL = WasiRunner.fromResource("guests/hostcall.wasm");

    @Test
    void byDefaultTheModuleIsRefusedNamingTheImportsAndTheOptions() {
        assertThatThrownBy(() -> HOSTCALL.run())
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageStartingWith("Cannot load guest module classpath:guests/hostcall.wasm: it imports 1 function"
                        + " that neither WASI preview 1 nor the test provides: host.scale.")
                .hasMessageContaining("withHostFunction(module, name, function)")
                .hasMessageContaining("wasmguest.imports.unknown=trap")
                .hasMessageContaining("--trap-unknown-imports");
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void trappingImportsLetAGuestRunThatNeverCallsThem(WasiEngine engine) {
        WasiRunner runner = HOSTCALL.withEngine(engine).withUnknownImports(UnknownImports.TRAP);

        assertThat(runner.run()).succeeded().hasStdout("no host call\n");
        assertThat(runner.run("scale"))
                .trapped()
                .hasTrapMessageContaining("the guest called host.scale, an import that neither WASI nor the test"
                        + " provides, linked as a function that traps (wasmguest.imports.unknown=trap)");
    }

    @Test
    void defaultValueImportsReturnZeros() {
        assertThat(HOSTCALL.withUnknownImports(UnknownImports.DEFAULT_VALUES).run("scale"))
                .succeeded()
                .hasStdout("scaled: 0\n");
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aJavaHostFunctionAnswersTheImport(WasiEngine engine) {
        AtomicInteger calls = new AtomicInteger();
        WasiRunner runner = HOSTCALL.withEngine(engine).withHostFunction("host", "scale", args -> {
            calls.incrementAndGet();
            return new long[] {args[0] * 2};
        });

        assertThat(runner.run("scale")).succeeded().hasStdout("scaled: 42\n");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aHostFunctionThatAnswersWronglyEndsTheRunNamingIt() {
        WasiRunner runner = HOSTCALL.withHostFunction("host", "scale", args -> new long[0]);

        assertThat(runner.run("scale"))
                .trapped()
                .hasTrapMessageContaining("the test's host function host.scale returned 0 values");
    }
}
