package dev.wasmguest.benchmarks;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.RepeatedTest;

/** A user's test class with 100 tests over one guest, each getting its own run; run by TestClassBenchmark. */
@WasmGuest(resource = "guests/seed.wasm", args = "hello")
public class HundredSeedTests {

    @RepeatedTest(100)
    void greets(WasiResult result) {
        assertThat(result).succeeded().hasStdoutContaining("Received arguments: [hello]");
    }
}
