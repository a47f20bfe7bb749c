package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import dev.wasmguest.testsupport.LogCapture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A failing test's guest output reaches the JUnit report (report entries and files); passing tests stay quiet. */
class ReportsTest {

    @WasmGuest(url = "${guest.base}/seed.wasm", args = "exit1")
    static class UserTests {
        @Test
        void fails(WasiRunner seed) {
            WasiResult result = seed.run("exit1");
            assertThat(result).succeeded();
        }

        @Test
        void passes(WasiResult result) {
            assertThat(result).hasExitCode(1);
        }
    }

    @WasmGuest(url = "${guest.base}/echo.wasm", args = "QUIET")
    static class SilentStdout {
        @Test
        void fails(WasiResult result) {
            assertThat(result).hasExitCode(3);
        }
    }

    @WasmGuest(url = "${guest.base}/echo.wasm", args = "QUIET", stdin = " \t\n")
    static class WhitespaceStdout {
        @Test
        void fails(WasiResult result) {
            assertThat(result).hasExitCode(3);
        }
    }

    @TempDir
    Path reports;

    @RegisterExtension
    final LogCapture log = LogCapture.named("dev.wasmguest");

    private Events run(Map<String, String> configuration) {
        return run(UserTests.class, configuration);
    }

    private Events run(Class<?> testClass, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameters(configuration)
                .outputDirectoryCreator(new OutputDirectoryCreator() {
                    @Override
                    public Path getRootDirectory() {
                        return reports;
                    }

                    @Override
                    public Path createOutputDirectory(TestDescriptor test) throws IOException {
                        return Files.createDirectories(reports.resolve(
                                Integer.toHexString(test.getUniqueId().hashCode())));
                    }
                })
                .execute()
                .allEvents();
    }

    private static List<ReportEntry> entries(Events events) {
        return events.reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow())
                .collect(Collectors.toList());
    }

    @Test
    void failingTestsGetTheirRunsAttached() {
        Events events = run(Map.of());

        List<ReportEntry> entries = entries(events);
        assertThat(entries).hasSize(1);
        Map<String, String> entry = entries.get(0).getKeyValuePairs();
        assertThat(entry.get("wasmguest.run.1"))
                .matches("http://.*/seed\\.wasm \\[seed\\.wasm, exit1]: exited with code 1 in \\d+ ms");
        assertThat(entry.get("wasmguest.run.1.stdout")).startsWith("Wasm Guest: Hello from stdout!\n");
        assertThat(entry.get("wasmguest.run.1.stderr")).contains("Found 'exit1' argument");
        List<String> files = events.fileEntryPublished().stream()
                .map(event -> event.getPayload(FileEntry.class)
                        .orElseThrow()
                        .getPath()
                        .getFileName()
                        .toString())
                .collect(Collectors.toList());
        assertThat(files).containsExactlyInAnyOrder("wasmguest.run.1.stdout.txt", "wasmguest.run.1.stderr.txt");
        Path stdout = events.fileEntryPublished().stream()
                .map(event -> event.getPayload(FileEntry.class).orElseThrow().getPath())
                .filter(path -> path.endsWith("wasmguest.run.1.stdout.txt"))
                .findFirst()
                .orElseThrow();
        assertThat(stdout).content().contains("Wasm Guest: Received arguments: [exit1]");
    }

    @Test
    void everyRunIsAttachedWithReportAll() {
        assertThat(entries(run(Map.of("wasmguest.report", "all")))).hasSize(2);
    }

    @Test
    void anEmptyStreamIsReportedAsEmptyAndAddsNothingToTheFailure() {
        Events events = run(SilentStdout.class, Map.of());

        Map<String, String> entry = entries(events).get(0).getKeyValuePairs();
        assertThat(entry).containsEntry("wasmguest.run.1.stdout", "(empty)");
        Throwable failure = events.failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .orElseThrow())
                .findFirst()
                .orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class).hasNoSuppressedExceptions();
    }

    @Test
    void aStreamOfOnlyWhitespaceIsReportedVisiblyWithoutAWarning() {
        Events events = run(WhitespaceStdout.class, Map.of());

        Map<String, String> entry = entries(events).get(0).getKeyValuePairs();
        assertThat(entry).containsEntry("wasmguest.run.1.stdout", "(only white space: \" \\t\\n\")");
        assertThat(log.messages(Level.WARNING)).isEmpty();
    }

    /**
     * Surefire 3.5's XML leaves report entries out (its JUnit Platform listener has no callback for them); the
     * ConsoleLauncher's legacy XML ({@code --reports-dir}) and JUnit's Open Test Reporting XML carry them.
     */
    @Test
    void theLaunchersXmlReportsCarryTheRuns() throws IOException {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SilentStdout.class))
                .configurationParameter("junit.platform.reporting.open.xml.enabled", "true")
                .configurationParameter(
                        "junit.platform.reporting.output.dir",
                        reports.resolve("open").toString())
                .build();
        LauncherFactory.create()
                .execute(
                        request,
                        new LegacyXmlReportGeneratingListener(
                                reports.resolve("legacy"), new PrintWriter(Writer.nullWriter())));

        assertThat(xmlIn(reports.resolve("legacy"))).contains("wasmguest.run.1").contains("wasmguest.run.1.stdout");
        assertThat(xmlIn(reports.resolve("open"))).contains("wasmguest.run.1").contains("wasmguest.run.1.stdout");
    }

    private static String xmlIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> xml =
                    files.filter(file -> file.toString().endsWith(".xml")).collect(Collectors.toList());
            assertThat(xml).isNotEmpty();
            StringBuilder text = new StringBuilder();
            for (Path file : xml) {
                text.append(Files.readString(file));
            }
            return text.toString();
        }
    }
}
