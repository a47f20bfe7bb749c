package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.assertions.SoftWasiAssertions;
import dev.wasmguest.junit.WasmGuest;
import java.util.Map;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** Failing tests explain themselves: run through the JUnit Platform as a user's test would be. */
class FailureMessageTest {

    /** A user's test that expects the wrong exit code. Run only through {@link EngineTestKit} below. */
    @WasmGuest(
            url = "${guest.base}/seed.wasm",
            args = {"arg1", "exit1"})
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
        void neverRuns(WasiResult result) {}
    }

    /** A user's test that expects an exit from a guest that traps. */
    @WasmGuest(url = "${guest.base}/trap.wasm")
    static class ExpectsExitFromTrap {
        @Test
        void expectsExitCodeZero(WasiResult result) {
            assertThat(result).hasExitCode(0);
        }
    }

    /** A user's test whose guest never ends. */
    @WasmGuest(url = "${guest.base}/loop-call.wasm", timeout = "PT0.3S")
    static class ExpectsSuccessFromALoop {
        @Test
        void expectsSuccess(WasiResult result) {
            assertThat(result).succeeded();
        }
    }

    /** A user's test that expects other output, exactly. */
    @WasmGuest(url = "${guest.base}/echo.wasm", stdin = "actual line\n")
    static class ExpectsOtherStdout {
        @Test
        void expectsExactStdout(WasiResult result) {
            assertThat(result).hasStdout("expected line\n");
        }
    }

    /** A user's test with soft assertions, several of which fail, navigated ones included. */
    @ExtendWith(SoftAssertionsExtension.class)
    @WasmGuest(url = "${guest.base}/seed.wasm", args = "exit1")
    static class SoftlyFailing {
        @InjectSoftAssertions
        SoftWasiAssertions softly;

        @Test
        void collectsThree(WasiResult result) {
            softly.assertThat(result).succeeded();
            softly.assertThat(result).stdout().contains("absent");
            softly.assertThat(result).stderrLines().isEmpty();
        }
    }

    @Test
    void trapIsNamedAsATrap() {
        assertThat(singleFailureMessage(ExpectsExitFromTrap.class))
                .startsWith("\nExpecting the guest to exit with code:\n  0\nbut it trapped: Trapped on unreachable"
                        + " instruction\n\nRun of guest module http://")
                .contains("ended:    trapped: Trapped on unreachable instruction\n"
                        + "            wasm backtrace, innermost first:\n"
                        + "              0: __original_main (function 6), module offset 0x18a\n")
                .contains("engine:   compiler") // auto: a small module waits for its quick translation
                .contains("    | about to trap");
    }

    @Test
    void timeoutIsNamedAsATimeout() {
        assertThat(singleFailureMessage(ExpectsSuccessFromALoop.class))
                .startsWith("\nExpecting the guest to succeed (exit with code 0)\nbut it timed out after 300 ms and"
                        + " was stopped\n\nRun of guest module http://")
                .contains("ended:    timed out after 300 ms and was stopped");
    }

    @Test
    void stdoutMismatchCarriesBothValuesForADiff() {
        Throwable failure = singleFailure(ExpectsOtherStdout.class);

        assertThat(failure)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("\nExpecting stdout:\n  \"actual line\n\"\nto be equal to:\n  \"expected"
                        + " line\n\"\nfirst difference at line 1, column 1 (character 1):\n"
                        + "  expected: \"expected line\\n\"\n"
                        + "  actual:   \"actual line\\n\"\n"
                        + "             ^\n\nRun of guest module http://");
        AssertionFailedError diff = (AssertionFailedError) failure;
        assertThat(diff.getExpected().getStringRepresentation()).isEqualTo("expected line\n");
        assertThat(diff.getActual().getStringRepresentation()).isEqualTo("actual line\n");
    }

    @Test
    void softAssertionsReportEveryFailureTogether() {
        assertThat(singleFailureMessage(SoftlyFailing.class))
                .contains("Multiple Failures (3 failures)")
                .contains("Expecting the guest to succeed (exit with code 0)")
                .contains("[stdout of http://")
                .contains("\"absent\"")
                .contains("[stderr of http://");
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

        assertThat(message)
                .contains("@WasmGuest on UnresolvedPlaceholder")
                .contains("unresolved placeholder ${no.such.key}");
    }

    private static String singleFailureMessage(Class<?> testClass) {
        return singleFailure(testClass).getMessage();
    }

    private static Throwable singleFailure(Class<?> testClass) {
        return UserTests.failure(UserTests.run(testClass, Map.of()));
    }
}
