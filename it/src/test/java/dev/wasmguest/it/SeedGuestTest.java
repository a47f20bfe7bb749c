package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.Test;

/** The example of the README and of issue 2, unchanged: the seed guest downloaded over HTTP. */
@WasmGuest(
        url = "${guest.base}/seed.wasm",
        args = {"arg1", "hello", "exit1"})
class SeedGuestTest {
    @Test
    void reportsArgumentsAndExitsWithOne(WasiResult result) {
        assertThat(result)
                .hasExitCode(1)
                .hasStdoutContaining("Received arguments")
                .hasStderrContaining("Hello from stderr");
    }

    @Test
    void exitsCleanlyWithoutExit1(WasiRunner guest) {
        assertThat(guest.run("hello")).succeeded().stdout().contains("hello");
    }
}
