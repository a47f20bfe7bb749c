package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: each run is compared with the snapshot files committed under {@code src/test/snapshots/SnapshotTest}.
 * Parameterized and repeated invocations have files of their own.
 */
@WasmGuest(resource = "guests/seed.wasm")
class SnapshotTest {

    @Test
    void seedWithArguments(WasiRunner seed) {
        assertThat(seed.run("one", "two")).matchesSnapshot();
        assertThat(seed.run("exit1"))
                .as("the second run of a test has its own files")
                .matchesSnapshot();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha", "beta"})
    void parameterized(String argument, WasiRunner seed) {
        WasiResult result = seed.run(argument);
        assertThat(result.testName())
                .hasValueSatisfying(
                        name -> assertThat(name).matches("dev.wasmguest.it.SnapshotTest/parameterized\\.[12]"));
        assertThat(result).matchesSnapshot();
    }

    @RepeatedTest(2)
    void repeated(WasiResult result) {
        assertThat(result).matchesSnapshot();
    }

    @Test
    void wildcardsInTheSnapshot(@WasmGuest(resource = "guests/clockrand.wasm") WasiResult result) {
        // The snapshot spells the changing lines as "[..]" and "...".
        assertThat(result).matchesSnapshot();
    }

    @Test
    void redactionsApplyBeforeComparing(
            @WasmGuest(resource = "guests/echo.wasm", stdin = "order 4711 shipped\n") WasiResult result) {
        assertThat(result).withRedaction("\\d{4}", "[ORDER]").matchesSnapshot();
    }

    @Test
    void explicitNamesAndSingleFiles() {
        WasiResult result = WasiRunner.fromResource("guests/seed.wasm").run("named");
        assertThat(result.testName()).as("not made by an injected runner").isEmpty();

        assertThat(result)
                .matchesSnapshot("named/seed")
                .hasStdoutMatchingFile(Path.of("src/test/snapshots/named/seed.stdout"));
    }

    @Test
    void runsOutsideInjectedRunnersAreNamedAfterTheCallingTest() {
        assertThat(WasiRunner.fromResource("guests/seed.wasm").run("called")).matchesSnapshot();
    }

    /** A user's test whose snapshot does not exist yet. */
    static class MissingSnapshot {
        @Test
        void neverRecorded() {
            assertThat(WasiRunner.fromResource("guests/seed.wasm").run()).matchesSnapshot("no/such/snapshot");
        }
    }

    /** A user's test whose output no longer matches its snapshot. */
    static class ChangedOutput {
        @Test
        void outputChanged() {
            assertThat(WasiRunner.fromResource("guests/seed.wasm").run("changed"))
                    .matchesSnapshot("named/seed");
        }
    }

    @Test
    void missingSnapshotSaysHowToCreateIt() {
        Throwable failure = failureOf(MissingSnapshot.class);

        assertThat(failure)
                .hasMessageContaining("Expecting the run to match its snapshots, but:\n  missing snapshot "
                        + "src/test/snapshots/no/such/snapshot.stdout; create it with: mvn test -Dwasmguest.snapshots=update (or"
                        + " set WASMGUEST_SNAPSHOTS=update)");
    }

    @Test
    void changedOutputShowsWhereAndOffersADiff() {
        Throwable failure = failureOf(ChangedOutput.class);

        assertThat(failure)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(
                        "snapshot src/test/snapshots/named/seed.stdout differs, line 2: expected"
                                + " \"Wasm Guest: Received arguments: [named]\" but was \"Wasm Guest: Received arguments: [changed]\"");
        assertThat(((AssertionFailedError) failure).getExpected().getStringRepresentation())
                .contains("[named]");
    }

    private static Throwable failureOf(Class<?> testClass) {
        // In update mode these scenarios would write the very snapshots they prove missing or changed.
        Assumptions.assumeFalse(
                "update".equals(System.getProperty("wasmguest.snapshots"))
                        || "update".equals(System.getenv("WASMGUEST_SNAPSHOTS")),
                "snapshots are being updated");
        return UserTests.failure(UserTests.run(testClass, Map.of()));
    }
}
