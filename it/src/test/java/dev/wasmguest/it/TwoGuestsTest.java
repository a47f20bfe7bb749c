package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.Test;

/** Two parameters with their own {@code @WasmGuest} give two guests in one test: here a pipeline. */
class TwoGuestsTest {

    @Test
    void seedOutputPipedIntoEcho(
            @WasmGuest(url = "${guest.base}/seed.wasm", args = "piped") WasiResult seed,
            @WasmGuest(url = "${guest.base}/echo.wasm") WasiRunner echo) {
        WasiResult echoed = echo.withStdin(seed.stdoutBytes()).run();

        assertThat(echoed).succeeded().hasStdout(seed.stdout()).stdout().contains("[piped]");
    }
}
