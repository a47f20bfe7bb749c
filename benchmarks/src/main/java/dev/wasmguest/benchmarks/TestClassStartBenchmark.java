package dev.wasmguest.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A test class of 100 tests over one guest ({@link HundredTestsBenchmark}), as the first thing a fresh JVM runs: one
 * shot per JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class TestClassStartBenchmark extends HundredTestsBenchmark {}
