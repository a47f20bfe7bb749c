package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import dev.wasmguest.junit.WasmGuestExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered in code, from a runner built without annotations. */
class RegisteredExtensionTest {

    @RegisterExtension
    static final WasmGuestExtension SEED =
            WasmGuestExtension.of(WasiRunner.fromResource("guests/seed.wasm").withArgs("registered"));

    @Test
    void parametersGetTheRegisteredRunner(WasiRunner guest, WasiResult result) {
        assertThat(result).succeeded().stdout().contains("[registered]");
        assertThat(guest.run("again")).stdout().contains("[again]");
    }

    @Test
    void anAnnotatedParameterStillGetsItsOwnGuest(
            @WasmGuest(resource = "guests/echo.wasm", stdin = "own") WasiResult echo, WasiResult seed) {
        assertThat(echo).hasStdout("own");
        assertThat(seed).stdout().contains("[registered]");
    }
}
