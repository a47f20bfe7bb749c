package dev.wasmguest.benchmarks;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.io.IOException;
import java.io.InputStream;
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
 * Per-run cost of a small component against the module it was made from: the seed guest, and the same guest wrapped
 * by jco's preview 1 adapter ({@code seed.component.wasm}), both in the same engine, each prepared (and translated)
 * once outside the measurement. The target: the component within 2x of the module.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ComponentRunBenchmark {

    @Param({"INTERPRETER", "COMPILER"})
    public WasiEngine engine;

    private WasiRunner module;
    private WasiRunner component;

    @Setup
    public void setUp() throws IOException {
        module = WasiRunner.fromBytes(resource("seed.wasm")).withEngine(engine);
        component = WasiRunner.fromBytes(resource("seed.component.wasm")).withEngine(engine);
        module.run();
        component.run();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ComponentRunBenchmark.class.getResourceAsStream("/guests/" + name)) {
            return in.readAllBytes();
        }
    }

    @Benchmark
    public WasiResult module() {
        return module.run();
    }

    @Benchmark
    public WasiResult component() {
        return component.run();
    }
}
