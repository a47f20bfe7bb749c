package dev.wasmguest.benchmarks;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.io.IOException;
import java.nio.file.Files;
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
 * What guest coverage costs on compute loops: the sieve and sha256 guests built with line tables (-O2 -g), run with
 * coverage off and on ({@code wasmguest.coverage.dir}), in each engine. A run with coverage also merges its counts
 * into the coverage files, as every covered run does. {@code benchmarks/coverage.sh} prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoverageBenchmark {

    /** A guest and its arguments, as {@code name:arg arg}. */
    @Param({"sieve-debug:2000000", "sha256-debug:2 1"})
    public String guest;

    @Param({"COMPILER", "INTERPRETER"})
    public WasiEngine engine;

    @Param({"off", "on"})
    public String coverage;

    private WasiRunner runner;

    @Setup
    public void setUp() throws IOException {
        String[] nameAndArgs = guest.split(":", 2);
        // The setting is read when a runner is made: this fork's runner only.
        if (coverage.equals("on")) {
            System.setProperty(
                    "wasmguest.coverage.dir",
                    Files.createTempDirectory("coverage").toString());
        }
        try {
            runner = WasiRunner.fromResource("guests/" + nameAndArgs[0] + ".wasm")
                    .withArgs(nameAndArgs[1].split(" "))
                    .withEngine(engine)
                    .withMaxMemory(256L * 1024 * 1024)
                    .withTimeout(Duration.ofMinutes(5));
        } finally {
            System.clearProperty("wasmguest.coverage.dir");
        }
        WasiResult first = check(runner.run()); // parse and compile once, outside the measurement
        if (first.coverage().isPresent() != coverage.equals("on")) {
            throw new IllegalStateException("coverage " + coverage + " but the result says " + first.coverage());
        }
    }

    @Benchmark
    public WasiResult run() {
        return runner.run();
    }

    private static WasiResult check(WasiResult result) {
        if (result.outcome() != WasiOutcome.EXITED || result.exitCode() != 0) {
            throw new IllegalStateException(
                    "benchmark guest failed: " + result.describeOutcome() + "\n" + result.stderr());
        }
        return result;
    }
}
