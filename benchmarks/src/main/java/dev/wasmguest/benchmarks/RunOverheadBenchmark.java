package dev.wasmguest.benchmarks;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.runtime.ByteArrayMemory;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.wasi.WasiExitException;
import run.endive.wasi.WasiOptions;
import run.endive.wasi.WasiPreview1;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;

/**
 * Per-run cost of a tiny guest (the seed guest: three lines of output) through {@link WasiRunner} and through raw
 * Endive doing the same work: same parsed module, same compiled machine factory, fresh instance and WASI context
 * per run, output captured in memory. Their ratio is the runner's overhead. Raw Endive uses its fastest memory,
 * {@code ByteArrayMemory}; the runner its own flat memory, which allocates less per instance.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RunOverheadBenchmark {

    private WasiRunner runner;
    private WasmModule module;
    private Function<Instance, Machine> factory;

    @Setup
    public void setUp() throws IOException {
        byte[] seed;
        try (InputStream in = RunOverheadBenchmark.class.getResourceAsStream("/guests/seed.wasm")) {
            seed = in.readAllBytes();
        }
        runner = WasiRunner.fromBytes(seed);
        runner.run(); // parse and compile once, outside the measurement
        module = Parser.parse(seed);
        factory = MachineFactoryCompiler.builder(module).compile();
    }

    @Benchmark
    public WasiResult wasiRunner() {
        return runner.run();
    }

    @Benchmark
    public byte[] rawEndive() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        WasiOptions options = WasiOptions.builder()
                .withArguments(List.of("seed.wasm"))
                .withStdin(new ByteArrayInputStream(new byte[0]), false)
                .withStdout(stdout, false)
                .withStderr(stderr, false)
                .build();
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance.builder(module)
                    .withImportValues(ImportValues.builder()
                            .addFunction(wasi.toHostFunctions())
                            .build())
                    .withMachineFactory(factory)
                    .withMemoryFactory(ByteArrayMemory::new)
                    .build();
        } catch (WasiExitException exit) {
            // an exit is a normal end
        }
        return stdout.toByteArray();
    }
}
