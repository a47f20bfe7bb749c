package dev.wasmguest.benchmarks;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a test class with 100 tests over one guest costs beyond the guest's own runs: {@link HundredSeedTests} run
 * through the JUnit Platform as a build tool runs it, the same 100 runs and assertions made directly, and {@link
 * HundredEmptyTests} (the JUnit Platform alone). Per-test overhead = (testClass - directRuns) / 100. Subclasses say how
 * it is measured (JMH honours benchmark methods of an abstract superclass).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class HundredTestsBenchmark {

    private static final int TESTS = 100;

    private final Launcher launcher = LauncherFactory.create();

    /**
     * Points this JVM (a benchmark fork of its own, so its configuration is ours to set) at a cache directory
     * another JVM filled by running the guest, as on a machine that ran the tests before.
     */
    @Setup
    public void setUp() throws IOException, InterruptedException {
        Path cacheDirectory = Path.of("benchmarks/target/testclass-cache").toAbsolutePath();
        CacheFiller.fill(cacheDirectory, Path.of("guests/wasm/seed.wasm").toAbsolutePath(), "hello");
        System.setProperty("wasmguest.cache.dir", cacheDirectory.toString());
    }

    @Benchmark
    public TestExecutionSummary testClass() {
        return runClass(HundredSeedTests.class);
    }

    @Benchmark
    public TestExecutionSummary emptyTestClass() {
        return runClass(HundredEmptyTests.class);
    }

    @Benchmark
    public WasiResult directRuns() {
        WasiRunner runner = WasiRunner.fromResource("guests/seed.wasm").withArgs("hello");
        WasiResult last = null;
        for (int i = 0; i < TESTS; i++) {
            last = runner.run();
            assertThat(last).succeeded().hasStdoutContaining("Received arguments: [hello]");
        }
        return last;
    }

    private TestExecutionSummary runClass(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(testClass))
                        .build(),
                listener);
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != TESTS) {
            throw new IllegalStateException(testClass.getSimpleName() + ": " + summary.getTestsSucceededCount() + " of "
                    + TESTS + " tests passed; failures: " + summary.getFailures());
        }
        return summary;
    }
}
