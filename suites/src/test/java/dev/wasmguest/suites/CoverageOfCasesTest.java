package dev.wasmguest.suites;

import static dev.wasmguest.suites.WasiSuitesEngineTest.GUESTS;
import static dev.wasmguest.suites.WasiSuitesEngineTest.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasmguest.coverage.dir} reaches the cases the engine runs, as it reaches runners. */
class CoverageOfCasesTest {

    @Test
    void casesAreCoveredWhenTheSettingAsks(@TempDir Path suite) throws IOException, InterruptedException {
        Files.copy(GUESTS.resolve("wasm/coverage-debug.wasm"), suite.resolve("sum.wasm"));
        Files.writeString(suite.resolve("sum.json"), "{\"args\": [\"sum\"], \"stdout\": \"55\\n\"}");
        // Not a @TempDir: the engine's runs merge into it in the background, maybe after the test.
        Files.createDirectories(Path.of("target"));
        Path coverage = Files.createTempDirectory(Path.of("target"), "coverage");

        engine().configurationParameter("wasmguest.coverage.dir", coverage.toString())
                .selectors(selectDirectory(suite.toFile()))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThat(written(coverage.resolve("lcov.info"), Duration.ofMinutes(1)))
                .contains("SF:guests/src/coverage.c", "FNDA:1,sum_to", "FNDA:0,never_called");
    }

    /** The file once the run's merge wrote it; a bound, not a pause: it returns as soon as the file is there. */
    private static List<String> written(Path file, Duration atMost) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Files.readAllLines(file);
    }
}
