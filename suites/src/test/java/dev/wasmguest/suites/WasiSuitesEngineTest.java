package dev.wasmguest.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Discovery by every kind of selector, names, sources, re-runs by unique id, and the run of each kind of case. */
class WasiSuitesEngineTest {

    static final Path GUESTS = Path.of(System.getProperty("wasmguest.guests", "../guests"))
            .toAbsolutePath()
            .normalize();
    static final Path OPS = GUESTS.resolve("ops-suite");
    static final Path OWN = GUESTS.resolve("suite");

    static EngineTestKit.Builder engine() {
        return EngineTestKit.engine(WasiSuitesEngine.ID).configurationParameter(Constants.TIMEOUT, "PT2S");
    }

    /** Components are cases like modules: the same specs, the same checks of exit code and streams. */
    @Test
    void aSuiteOfComponentsRunsLikeASuiteOfModules(@TempDir Path suite) throws IOException {
        Files.copy(GUESTS.resolve("wasm/seed.component.wasm"), suite.resolve("seed.wasm"));
        Files.writeString(
                suite.resolve("seed.json"),
                "{\"args\": [\"arg1\", \"exit1\"], \"exit_code\": 1,"
                        + " \"stdout\": \"Wasm Guest: Hello from stdout!\\n\"}");
        Files.copy(GUESTS.resolve("wasm/echo.component.wasm"), suite.resolve("echo.wasm"));
        Files.writeString(
                suite.resolve("echo.json"),
                "{\"args\": [\"GREETING\"], \"env\": {\"GREETING\": \"hi\"}, \"stderr\": \"env GREETING=hi\\n\"}");

        EngineExecutionResults results =
                engine().selectors(selectDirectory(suite.toFile())).execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void aDirectoryIsASuiteAndEachModuleACaseNamedSuiteThenCase() {
        EngineExecutionResults results =
                engine().selectors(selectDirectory(OPS.toFile())).execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(names(results))
                .containsExactly(
                        "wasmguest operations suite › exit_seven",
                        "wasmguest operations suite › read_root",
                        "wasmguest operations suite › upper");
        assertThat(results.containerEvents()
                        .started()
                        .map(event -> event.getTestDescriptor().getDisplayName()))
                .contains("wasmguest operations suite");
    }

    @Test
    void aCaseIsSourcedFromItsSpecElseItsModule() {
        TestDescriptor upper =
                onlyTest(engine().selectors(selectFile(OPS.resolve("upper.wasm").toFile()))
                        .execute());
        assertThat(upper.getSource())
                .contains(FileSource.from(OPS.resolve("upper.json").toFile()));

        TestDescriptor defaults = onlyTest(
                engine().selectors(selectFile(OWN.resolve("defaults.wasm").toFile()))
                        .execute());
        assertThat(defaults.getSource())
                .contains(FileSource.from(OWN.resolve("defaults.wasm").toFile()));
        assertThat(defaults.getDisplayName()).isEqualTo("wasmguest own suite › defaults");
    }

    @Test
    void aSpecFileSelectsItsCase() {
        EngineExecutionResults results = engine().selectors(
                        selectFile(OPS.resolve("exit_seven.json").toFile()))
                .execute();

        assertThat(names(results)).containsExactly("wasmguest operations suite › exit_seven");
    }

    @Test
    void theConfigurationParameterTakesGlobsRelativeToTheWorkingDirectory() {
        String relative = Path.of("").toAbsolutePath().relativize(GUESTS) + "/ops-*";

        EngineExecutionResults results =
                engine().configurationParameter(Constants.SUITES, relative).execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void aClasspathResourceSelectsTheSuiteThere() {
        EngineExecutionResults results =
                engine().selectors(selectClasspathResource("wasi/ops-suite")).execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void aUniqueIdRunsItsCaseAgainAlone() {
        TestDescriptor upper =
                engine().selectors(selectDirectory(OPS.toFile())).execute().testEvents().started().stream()
                        .map(Event::getTestDescriptor)
                        .filter(test -> test.getDisplayName().endsWith("upper"))
                        .findFirst()
                        .orElseThrow();
        UniqueId id = upper.getUniqueId();

        EngineExecutionResults again = engine().selectors(selectUniqueId(id)).execute();

        again.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(onlyTest(again).getUniqueId()).isEqualTo(id);
    }

    @Test
    void aGlobThatSelectsNothingFailsListingTheCases() {
        EngineExecutionResults results = engine().configurationParameter(Constants.CASES, "nope*")
                .selectors(selectDirectory(OPS.toFile()))
                .execute();

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("no case selected"),
                                finishedWithFailure(
                                        message("wasmguest.suites.cases=nope* selects no case. The cases there are:\n"
                                                + "  wasmguest operations suite: exit_seven, read_root, upper"))));
    }

    @Test
    void aGlobSelectsCases() {
        EngineExecutionResults results = engine().configurationParameter(Constants.CASES, "up*,exit_*")
                .selectors(selectDirectory(OPS.toFile()))
                .execute();

        assertThat(names(results))
                .containsExactly("wasmguest operations suite › exit_seven", "wasmguest operations suite › upper");
    }

    @Test
    void aFailureEndsWithTheCommandThatReproducesIt() {
        EngineExecutionResults results = engine().selectors(
                        selectFile(OWN.resolve("wrong_stdout.wasm").toFile()))
                .execute();

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                finishedWithFailure(message(text ->
                                        text.startsWith("Case wrong_stdout of suite \"wasmguest own suite\" failed:\n"
                                                        + "  stdout was expected to start with:")
                                                && text.contains("\n\nReproduce it outside JUnit:\n  ")
                                                && text.endsWith("--fixture "
                                                        + OWN.resolve("fixture.dir") + "::fixture.dir -- "
                                                        + OWN.resolve("wrong_stdout.wasm") + " x < /dev/null")))));
    }

    @Test
    void theReproducingCommandRunsTheCaseAgainOutsideJUnit() throws Exception {
        String message = engine()
                .selectors(selectFile(OWN.resolve("wrong_stdout.wasm").toFile()))
                .execute()
                .testEvents()
                .failed()
                .stream()
                .map(event -> event.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .orElseThrow()
                        .getMessage())
                .findFirst()
                .orElseThrow();
        String command = message.substring(message.lastIndexOf("\n  ") + 3);
        assertThat(command)
                .as("the case's cache (so the command starts as warm as the case) and its timeout, as an option")
                .contains("-Dwasmguest.cache.dir="
                        + Path.of(System.getProperty("wasmguest.cache.dir")).toAbsolutePath())
                .contains(" --timeout PT")
                .doesNotContain("-Dwasmguest.timeout");

        Process process = new ProcessBuilder("bash", "-c", command).start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(stdout).isEqualTo("actual output\n").isNotEqualTo("expected output\n");
    }

    static List<String> names(EngineExecutionResults results) {
        return results.testEvents().started().stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .sorted()
                .collect(Collectors.toList());
    }

    static TestDescriptor onlyTest(EngineExecutionResults results) {
        List<TestDescriptor> tests = results.testEvents().started().stream()
                .map(Event::getTestDescriptor)
                .collect(Collectors.toList());
        assertThat(tests).hasSize(1);
        return tests.get(0);
    }
}
