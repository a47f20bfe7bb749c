package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.Test;

/** A guest that executes {@code unreachable} traps; a trap is never an exit code 0. */
class TrapTest {

    @Test
    void unreachableTraps(@WasmGuest(url = "${guest.base}/trap.wasm") WasiResult result) {
        assertThat(result).trapped().failed();
        assertThat(result.trap())
                .hasValueSatisfying(message -> assertThat(message).containsIgnoringCase("unreachable"));
        assertThat(result.exitCode()).isEqualTo(WasiResult.NO_EXIT_CODE).isNotZero();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stdout()).as("output written before the trap is kept").isEqualTo("about to trap\n");
    }
}
