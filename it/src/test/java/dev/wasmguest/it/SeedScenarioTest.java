package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.Test;

/** The seed guest's whole contract, over HTTP, with and without {@code exit1}. */
@WasmGuest(url = "${guest.base}/seed.wasm")
class SeedScenarioTest {

    @Test
    void withoutArgumentsSaysSoAndExitsZero(WasiResult result) {
        assertThat(result)
                .succeeded()
                .hasStdout("Wasm Guest: Hello from stdout!\n"
                        + "Wasm Guest: No arguments provided (besides program name).\n"
                        + "Wasm Guest: Exiting with code 0.\n");
        assertThat(result.stderr()).isEqualTo("Wasm Guest: Hello from stderr!\n");
        assertThat(result.exitCode()).isZero();
        assertThat(result.trap()).isEmpty();
        assertThat(result.argv()).containsExactly("seed.wasm");
    }

    @Test
    void withExit1ExitsOneAndExplainsOnStderr(WasiRunner guest) {
        WasiResult result = guest.run("first", "EXIT1");

        assertThat(result)
                .hasExitCode(1)
                .failed()
                .hasStdoutContaining("Wasm Guest: Received arguments: [first, EXIT1]")
                .hasStderrContaining("Wasm Guest: Hello from stderr!", "exiting with code 1");
        assertThat(result.stdout()).doesNotContain("Exiting with code 0");
        assertThat(result.args()).containsExactly("first", "EXIT1");
    }

    @Test
    void argumentsArePassedVerbatim(WasiRunner guest) {
        WasiResult result = guest.run("with space", "ünïcødé", "");

        assertThat(result).succeeded().stdout().contains("Wasm Guest: Received arguments: [with space, ünïcødé, ]");
    }

    @Test
    void runReplacesTheConfiguredArgumentsAndLeavesTheRunnerUnchanged(
            @WasmGuest(url = "${guest.base}/seed.wasm", args = "exit1") WasiRunner guest) {
        assertThat(guest.run()).hasExitCode(1);
        assertThat(guest.run("hello")).succeeded();
        assertThat(guest.withArgs("again").run()).succeeded().stdout().contains("[again]");
        assertThat(guest.run()).hasExitCode(1);
    }

    @Test
    void argv0DefaultsToTheFileNameAndCanBeSet(WasiRunner guest) {
        assertThat(guest.run().argv()).containsExactly("seed.wasm");
        assertThat(guest.withArgv0("seed").run("x").argv()).containsExactly("seed", "x");
    }

    @Test
    void eachRunReportsItsDuration(WasiResult result) {
        assertThat(result.duration()).isPositive();
        assertThat(result.source()).endsWith("/seed.wasm").startsWith("http://");
    }
}
