package dev.wasmguest.benchmarks;

import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state compute through {@link WasiRunner} (compiler engine, module compiled once, a fresh instance per
 * run): the sieve guest counting the primes below 20,000,000 and the sha256 guest hashing 16 MiB. The same guests
 * and arguments run under Node's {@code node:wasi} in {@code benchmarks/node/compare.mjs}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComputeBenchmark {

    /** A guest and its arguments, as {@code name:arg arg}; the node script reads the same list. */
    @Param({"sieve:20000000", "sha256:16 1"})
    public String guest;

    private WasiRunner runner;

    @Setup
    public void setUp() {
        String[] nameAndArgs = guest.split(":", 2);
        runner = WasiRunner.fromResource("guests/" + nameAndArgs[0] + ".wasm")
                .withArgs(nameAndArgs[1].split(" "))
                .withMaxMemory(256L * 1024 * 1024)
                .withTimeout(Duration.ofMinutes(1));
        check(runner.run()); // parse and compile once, outside the measurement
    }

    @Benchmark
    public WasiResult run() {
        return runner.run();
    }

    private static void check(WasiResult result) {
        if (result.outcome() != WasiOutcome.EXITED || result.exitCode() != 0) {
            throw new IllegalStateException(
                    "benchmark guest failed: " + result.describeOutcome() + "\n" + result.stderr());
        }
    }
}
