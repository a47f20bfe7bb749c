package dev.wasmguest.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiCoverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coverage directory: counts from many threads and several writers add up, and both files read back. */
class CoverageFilesTest {

    private static final WasiCoverage ONE_RUN = WasiCoverage.of(
            List.of(new WasiCoverage.Line("src/a.c", 3, 1), new WasiCoverage.Line("src/a.c", 4, 0)),
            List.of(
                    new WasiCoverage.Function(1, "main", Optional.of("src/a.c"), 3, 1),
                    new WasiCoverage.Function(2, "pair<int, int>", Optional.of("src/a.c"), 9, 0),
                    new WasiCoverage.Function(3, "libc_thing", Optional.empty(), 0, 5)));

    @TempDir
    Path directory;

    @Test
    void runsOfManyThreadsAndWritersAddUp() throws Exception {
        CoverageFiles first = CoverageFiles.in(directory);
        CoverageFiles second = CoverageFiles.in(directory); // as another JVM's: its own writer, the same lock
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int run = 0; run < 200; run++) {
            CoverageFiles files = run % 2 == 0 ? first : second;
            runs.add(threads.submit(() -> files.add("guest.wasm", ONE_RUN)));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        threads.shutdown();
        assertThat(first.awaitWritten(Duration.ofMinutes(1))).isTrue();
        assertThat(second.awaitWritten(Duration.ofMinutes(1))).isTrue();

        assertThat(Files.readAllLines(first.lcov()))
                .containsExactly(
                        "TN:",
                        "SF:src/a.c",
                        "FN:3,main",
                        "FN:9,pair<int, int>",
                        "FNDA:200,main",
                        "FNDA:0,pair<int, int>",
                        "FNF:2",
                        "FNH:1",
                        "DA:3,200",
                        "DA:4,0",
                        "LF:2",
                        "LH:1",
                        "end_of_record");
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("lcov.info", "cobertura.xml", ".lock");
        }
    }

    @Test
    void coberturaXmlHasTheTotalsAFileAndItsFunctions() throws IOException {
        CoverageFiles files = CoverageFiles.in(directory);
        files.add("guest.wasm", ONE_RUN);
        assertThat(files.awaitWritten(Duration.ofMinutes(1))).isTrue();

        // Parsed as XML by it/.../CoverageTest (this module's tests do not read java.xml).
        assertThat(Files.readString(files.cobertura()))
                .contains("line-rate=\"0.5000\" branch-rate=\"0\" lines-covered=\"1\" lines-valid=\"2\"")
                .contains("<package name=\"src\"")
                .contains("<class name=\"src/a.c\" filename=\"src/a.c\"")
                .contains("<method name=\"pair&lt;int, int&gt;\"")
                .contains("<line number=\"3\" hits=\"1\" branch=\"false\"/>");
    }

    @Test
    void aModuleWithoutLineTablesIsListedByItsNameWithFunctionsOnly() throws IOException {
        WasiCoverage namesOnly =
                WasiCoverage.of(List.of(), List.of(new WasiCoverage.Function(4, "main", Optional.empty(), 0, 2)));
        CoverageFiles files = CoverageFiles.in(directory);
        files.add("/guests/plain.wasm", namesOnly);
        assertThat(files.awaitWritten(Duration.ofMinutes(1))).isTrue();

        assertThat(Files.readAllLines(files.lcov()))
                .containsExactly(
                        "TN:",
                        "SF:/guests/plain.wasm",
                        "FN:0,main",
                        "FNDA:2,main",
                        "FNF:1",
                        "FNH:1",
                        "LF:0",
                        "LH:0",
                        "end_of_record");
    }
}
