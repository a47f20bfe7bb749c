package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasmGuest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Failing tests explain themselves: run through the JUnit Platform as a user's test would be. */
class FailureMessageTest {

    /** A user's test that expects the wrong exit code. Run only through {@link EngineTestKit} below. */
    @WasmGuest(url = "${guest.base}/seed.wasm", args = {"arg1", "exit1"})
    static class WrongExitCode {
        @Test
        void expectsSuccess(WasiResult result) {
            assertThat(result).succeeded();
        }
    }

    /** A user's test that navigates to stdout and fails there. */
    @WasmGuest(url = "${guest.base}/seed.wasm", args = "exit1")
    static class WrongStdout {
        @Test
        void expectsOtherOutput(WasiResult result) {
            assertThat(result).stdout().contains("no such text");
        }
    }

    /** A user's test whose guest declaration has a placeholder nobody defined. */
    @WasmGuest(url = "${no.such.key}/seed.wasm")
    static class UnresolvedPlaceholder {
        @Test
        void neverRuns(WasiResult result) {
        }
    }

    @Test
    void failedAssertionShowsExitCodeAndStderr() {
        String message = singleFailureMessage(WrongExitCode.class);

        assertThat(message)
                .contains("Expecting the guest to succeed (exit with code 0)")
                .contains("but it exited with code 1")
                .contains("argv:     [seed.wasm, arg1, exit1]")
                .contains("stderr (")
                .contains("Wasm Guest: Hello from stderr!")
                .contains("Wasm Guest: Found 'exit1' argument, exiting with code 1.")
                .contains("Run of guest module http://");
    }

    @Test
    void navigatedAssertionIsDescribedByTheRun() {
        String message = singleFailureMessage(WrongStdout.class);

        assertThat(message)
                .contains("stdout of http://")
                .contains("exited with code 1")
                .contains("stderr ends \"")
                .contains("to contain:")
                .contains("no such text");
    }

    @Test
    void unresolvedPlaceholderNamesTheKey() {
        String message = singleFailureMessage(UnresolvedPlaceholder.class);

        assertThat(message).contains("@WasmGuest on UnresolvedPlaceholder")
                .contains("unresolved placeholder ${no.such.key}");
    }

    private static String singleFailureMessage(Class<?> testClass) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
        tests.assertStatistics(stats -> stats.started(1).failed(1));
        Event failure = tests.failed().list().get(0);
        return failure.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
    }
}
