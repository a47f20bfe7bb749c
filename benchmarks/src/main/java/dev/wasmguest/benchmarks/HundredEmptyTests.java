package dev.wasmguest.benchmarks;

import org.junit.jupiter.api.RepeatedTest;

/** 100 tests that do nothing: what the JUnit Platform itself costs per test; run by TestClassBenchmark. */
public class HundredEmptyTests {

    @RepeatedTest(100)
    void nothing() {}
}
