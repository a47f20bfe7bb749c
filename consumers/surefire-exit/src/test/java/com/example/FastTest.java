package com.example;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.Test;

/**
 * One fast run of a module with 40,000 functions: milliseconds in the interpreter, seconds to translate. Prints the
 * engine that ran it, which tells a warm cache (compiled) from a cold one (interpreted at once).
 */
@WasmGuest(resource = "many-functions.wasm")
class FastTest {

    @Test
    void runsAtOnce(WasiResult run) {
        assertThat(run).succeeded().hasStdout("3048397685\n");
        System.out.println("engine of the first run: " + run.engine());
    }
}
