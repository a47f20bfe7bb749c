package dev.wasmguest.benchmarks;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Time from a fresh JVM to a large module's first finished run (a run that prints a usage or version text, so it
 * is first instruction plus a few milliseconds): hash, parse, compile or load compiled code, instantiate, run.
 * Every measurement is the first run of its own JVM (one fork, one shot).
 *
 * <ul>
 *   <li>{@code cold}: an empty cache directory: the module is validated and translated by Endive's compiler;
 *   <li>{@code warm}: a cache directory another JVM filled by running the module once: the module is parsed
 *       without validation and its compiled classes are loaded from disk.
 * </ul>
 *
 * The module is given with {@code -p module=PATH -p args=...}; {@code benchmarks/startup.sh} fetches large real
 * modules with npm and runs this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = "-Xmx8g")
public class StartupBenchmark {

    /** {@code cold} or {@code warm}. */
    @Param({"cold", "warm"})
    public String cache;

    /** The module file. */
    @Param({""})
    public String module;

    /** {@code COMPILER} or {@code INTERPRETER}. */
    @Param({"COMPILER"})
    public WasiEngine engine;

    /** The guest's arguments, space-separated: a quick run, like {@code --help}. */
    @Param({"--help"})
    public String args;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        if (module.isEmpty()) {
            throw new IllegalArgumentException("give the module: -p module=PATH (benchmarks/startup.sh does)");
        }
        Path cacheDirectory;
        if (cache.equals("cold")) {
            cacheDirectory = Files.createTempDirectory("wasmguest-cold-");
        } else {
            cacheDirectory = Path.of("benchmarks/target/startup-cache").toAbsolutePath();
            CacheFiller.fill(cacheDirectory, Path.of(module), args.split(" "));
        }
        // This JVM is a benchmark fork of its own: its configuration is ours to set.
        System.setProperty("wasmguest.cache.dir", cacheDirectory.toString());
    }

    @Benchmark
    public WasiResult firstRun() {
        return CacheFiller.check(CacheFiller.firstRun(Path.of(module), args.split(" "))
                .withEngine(engine)
                .run());
    }
}
