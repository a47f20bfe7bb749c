package dev.wasmguest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wasmguest.junit.WasiTestSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/**
 * Our own suite in the wasi-testsuite format ({@code guests/suite}): every rule of the format, run as it is and
 * checked through the JUnit Platform for per-case reporting, expectation lists and failure messages.
 */
class OwnSuiteTest {

    static final Path SUITE = GuestServerSession.guestsDirectory().resolveSibling("suite");
    static final Path FAILING = SUITE.resolveSibling("suite.failing");
    static final Path SKIP = SUITE.resolveSibling("suite.skip");
    static final Path TOML = SUITE.resolveSibling("suite.toml");

    @TestFactory
    Stream<DynamicNode> ownSuite() {
        return WasiTestSuite.inDirectory(SUITE)
                .withExpectedFailures(FAILING)
                .withSkipped(SKIP)
                .withTimeout(Duration.ofSeconds(1))
                .tests();
    }

    /** The suite as a user's test class runs it, from the class path. */
    static class FromClasspath {
        @TestFactory
        Stream<DynamicNode> suite() {
            return WasiTestSuite.onClasspath("wasi/own-suite")
                    .withExpectedFailures(FAILING)
                    .withSkipped(SKIP)
                    .withTimeout(Duration.ofMillis(300))
                    .tests();
        }
    }

    /** The upstream runner's TOML expectations, which skip a case and expect others to fail, as the engine reads them. */
    static class WithTomlExpectations {
        @TestFactory
        Stream<DynamicNode> suite() {
            return WasiTestSuite.inDirectory(SUITE)
                    .withExpectedFailures(TOML)
                    .withTimeout(Duration.ofMillis(300))
                    .tests();
        }
    }

    /** A user's list that names a case which passes. */
    static class UnexpectedPass {
        @TestFactory
        Stream<DynamicNode> suite() {
            System.setProperty(WasiTestSuite.CASES, "args");
            try {
                return WasiTestSuite.inDirectory(SUITE)
                        .withExpectedFailures(SUITE.resolveSibling("suite-unexpected-pass.failing"))
                        .tests();
            } finally {
                System.clearProperty(WasiTestSuite.CASES);
            }
        }
    }

    /** A user's run of one failing case without an expectation list. */
    static class WrongStdout {
        @TestFactory
        Stream<DynamicNode> suite() {
            System.setProperty(WasiTestSuite.CASES, "wrong_stdout");
            try {
                return WasiTestSuite.inDirectory(SUITE).tests();
            } finally {
                System.clearProperty(WasiTestSuite.CASES);
            }
        }
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .execute();
    }

    @Test
    void eachCaseIsATestOfItsOwnWithExpectationsApplied() {
        EngineExecutionResults results = run(FromClasspath.class);

        Events tests = results.testEvents();
        assertThat(displayNames(tests.succeeded()))
                .containsExactlyInAnyOrder(
                        "args",
                        "cleanup",
                        "defaults",
                        "dirs_legacy",
                        "env",
                        "exit_code",
                        "root",
                        "stderr",
                        "stdout_prefix");
        assertThat(displayNames(tests.aborted()))
                .containsExactlyInAnyOrder("known_failure", "loop", "wrong_stdout", "skipped_case");
        assertThat(tests.failed().count()).isZero();
        assertThat(reasons(tests.aborted()))
                .anyMatch(reason -> reason.contains("expected failure (listed in ")
                        && reason.contains("expected exit code 0 but it timed out after 300 ms"))
                .anyMatch(reason -> reason.contains("expected exit code 0 but it exited with code 1"));
        assertThat(abortReason(tests, "skipped_case"))
                .startsWith("skipped: listed in ")
                .endsWith("suite.skip");
        assertThat(displayNames(results.containerEvents().started())).contains("wasmguest own suite");
    }

    @Test
    void tomlExpectationsSkipAndExpectFailuresAsInTheSuitesEngine() {
        Events tests = run(WithTomlExpectations.class).testEvents();

        assertThat(displayNames(tests.aborted()))
                .containsExactlyInAnyOrder("known_failure", "loop", "wrong_stdout", "skipped_case");
        assertThat(tests.failed().count()).isZero();
        assertThat(abortReason(tests, "skipped_case"))
                .matches("skipped: listed in line \\d+ of " + Pattern.quote(TOML.toString()) + ": shows a skip");
    }

    @Test
    void anUnexpectedPassFailsAndSaysSo() {
        Events tests = run(UnexpectedPass.class).testEvents();

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureOf(tests).getMessage())
                .isEqualTo("case args now passes: delete its expected failure, \"args\", at line 1 of "
                        + SUITE.resolveSibling("suite-unexpected-pass.failing"));
    }

    @Test
    void failuresShowCaseArgvEnvFixtureAndBothOutputs() {
        Throwable failure = failureOf(run(WrongStdout.class).testEvents());

        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage())
                .startsWith("Case wrong_stdout of suite \"wasmguest own suite\" failed:\n  stdout was expected to start"
                        + " with:\n    | expected output\n    | \n  but was:\n    | actual output\n")
                .contains("  argv:     [wrong_stdout.wasm, x]")
                .contains("  env:      [MODE]")
                .contains("  fixture:  fixture.dir")
                .contains("  ended:    exited with code 0")
                .contains("  spec:     " + SUITE.resolve("wrong_stdout.json"));
        AssertionFailedError diff = (AssertionFailedError) failure;
        assertThat(diff.getExpected().getStringRepresentation()).isEqualTo("expected output\n");
    }

    @Test
    void fixturesOnDiskNeverChange() throws Exception {
        run(FromClasspath.class);
        try (Stream<Path> files = Files.list(SUITE.resolve("fixture.dir"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("file.txt", "stale.cleanup");
        }
    }

    private static List<String> displayNames(Events events) {
        return events.stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .collect(Collectors.toList());
    }

    private static List<String> reasons(Events aborted) {
        return aborted.stream()
                .map(UserTests::throwable)
                .map(Throwable::getMessage)
                .collect(Collectors.toList());
    }

    private static String abortReason(Events tests, String name) {
        return tests.aborted().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(name))
                .findFirst()
                .map(UserTests::throwable)
                .map(Throwable::getMessage)
                .orElseThrow();
    }

    private static Throwable failureOf(Events tests) {
        return UserTests.failure(tests);
    }
}
