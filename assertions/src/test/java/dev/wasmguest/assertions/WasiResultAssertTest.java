package dev.wasmguest.assertions;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Each assertion passes on a real run that satisfies it and fails with the run's whole context otherwise. */
class WasiResultAssertTest {

    private static final WasiRunner SEED = WasiRunner.fromResource("guests/seed.wasm");
    private static final WasiRunner ECHO = WasiRunner.fromResource("guests/echo.wasm");
    private static final WasiResult SUCCESS = SEED.run("hello");
    private static final WasiResult EXIT1 = SEED.run("arg1", "exit1");
    private static final WasiResult TRAP =
            WasiRunner.fromResource("guests/trap.wasm").run();

    @Test
    void passingAssertionsChain() {
        assertThat(SUCCESS)
                .succeeded()
                .hasExitCode(0)
                .hasStdoutContaining("hello", "Exiting with code 0.")
                .hasStderrContaining("Hello from stderr");
        assertThat(EXIT1).failed().hasExitCode(1);
        assertThat(TRAP).trapped().failed();
        assertThat(ECHO.withStdin("x").run("GREETING")).hasStdout("x");
        assertThat(ECHO.withStdin("quiet").run()).stdout().isEqualTo("quiet");
        WasiAssertions.then(SUCCESS).succeeded();
    }

    @Test
    void coverageAssertionsReadTheRunsCoverage(@TempDir Path coverage) {
        WasiRunner counted =
                WasiRunner.fromResource("guests/coverage-debug.wasm").withCoverage(coverage);
        WasiResult sum = counted.run("sum");

        assertThat(sum)
                .succeeded()
                .reachedFunction("sum_to")
                .didNotReachFunction("never_called")
                .reachedLine("coverage.c", 14)
                .didNotReachLine("coverage.c", 23);
        assertThatThrownBy(() -> assertThat(sum).reachedFunction("never_called"))
                .hasMessageContaining(
                        "Expecting the run to reach the function:\n  never_called\nbut it entered it" + " 0 times")
                .hasMessageContaining("argv:     [coverage-debug.wasm, sum]");
        assertThatThrownBy(() -> assertThat(sum).reachedLine("coverage.c", 1))
                .hasMessageContaining("but no code of the module is on that line");
        assertThatThrownBy(() -> assertThat(sum).didNotReachLine("coverage.c", 14))
                .hasMessageContaining(
                        "Expecting the run to never reach the line:\n  coverage.c:14\nbut it reached" + " it 10 times");
        assertThatThrownBy(() -> assertThat(SUCCESS).reachedFunction("main"))
                .hasMessageContaining("the run has no coverage: set wasmguest.coverage.dir to count it");
    }

    @Test
    void exitCodeMismatchShowsTheWholeRun() {
        assertThatThrownBy(() -> assertThat(EXIT1).hasExitCode(0))
                .hasMessageContaining("Expecting the guest to exit with code:\n  0\nbut it exited with code 1")
                .hasMessageContaining("Run of guest module classpath:guests/seed.wasm")
                .hasMessageContaining("argv:     [seed.wasm, arg1, exit1]")
                .hasMessageContaining("ended:    exited with code 1")
                .hasMessageContaining("stdout (")
                .hasMessageContaining("    | Wasm Guest: Received arguments: [arg1, exit1]")
                .hasMessageContaining("    | Wasm Guest: Found 'exit1' argument, exiting with code 1.");
    }

    @Test
    void trapIsNeverMistakenForAnExitCode() {
        assertThatThrownBy(() -> assertThat(TRAP).hasExitCode(WasiResult.NO_EXIT_CODE))
                .hasMessageContaining("but it trapped: ");
        assertThatThrownBy(() -> assertThat(TRAP).succeeded()).hasMessageContaining("but it trapped: ");
        assertThatThrownBy(() -> assertThat(SUCCESS).trapped())
                .hasMessageContaining("Expecting the guest to trap\nbut it exited with code 0");
        assertThatThrownBy(() -> assertThat(SUCCESS).failed())
                .hasMessageContaining("Expecting the guest to fail (exit with a non-zero code, trap or time out)");
    }

    @Test
    void containingNamesWhatIsMissing() {
        assertThatThrownBy(() -> assertThat(SUCCESS).hasStdoutContaining("hello", "goodbye"))
                .hasMessageContaining("to contain:\n  [\"hello\", \"goodbye\"]\nbut could not find:\n  [\"goodbye\"]");
        assertThatThrownBy(() -> assertThat(SUCCESS).hasStderrContaining("panic"))
                .hasMessageContaining("Expecting stderr:\n  \"Wasm Guest: Hello from stderr!\n\"");
        assertThatThrownBy(() -> assertThat(SUCCESS).hasEmptyStderr())
                .hasMessageContaining("Expecting stderr to be empty\nbut it holds 31 bytes");
    }

    @Test
    void hasStdoutOffersADiff() {
        WasiResult echoed = ECHO.withStdin("actual text").run();

        AssertionFailedError error = catchThrowableOfType(
                AssertionFailedError.class, () -> assertThat(echoed).hasStdout("expected text"));

        assertThat(error.getExpected().getValue()).isEqualTo("expected text");
        assertThat(error.getActual().getValue()).isEqualTo("actual text");
        assertThat(error).hasMessageContaining("Run of guest module classpath:guests/echo.wasm");
    }

    @Test
    void navigatedStreamAssertionsAreDescribedByTheRun() {
        assertThatThrownBy(() -> assertThat(EXIT1).stdout().contains("nothing like this"))
                .hasMessageContaining(
                        "[stdout of classpath:guests/seed.wasm, argv [seed.wasm, arg1, exit1], exited with"
                                + " code 1, stderr ends \"Wasm Guest: Hello from stderr!\\nWasm Guest: Found 'exit1' argument,"
                                + " exiting with code 1.\"]")
                .hasMessageContaining("to contain:\n  \"nothing like this\"");
        assertThatThrownBy(() -> assertThat(SUCCESS).stderr().isEmpty())
                .hasMessageContaining("[stderr of classpath:guests/seed.wasm")
                .hasMessageContaining("stdout ends \"");
    }

    @Test
    void longOutputIsCutWithAVisibleMarker() {
        String big = "x".repeat(10_000) + "THE END";
        assertThatThrownBy(() -> assertThat(ECHO.withStdin(big).run()).failed())
                .hasMessageContaining("stdout (10007 bytes)")
                .hasMessageContaining("… 5911 bytes omitted …")
                .hasMessageContaining("THE END");
    }

    @Test
    void percentSignsInOutputAreShownVerbatim() {
        assertThatThrownBy(() -> assertThat(ECHO.withStdin("100% %s %n").run()).failed())
                .hasMessageContaining("    | 100% %s %n");
    }

    @Test
    void outcomesAreDistinguishedInEveryMessage() {
        WasiResult loop = WasiRunner.fromResource("guests/loop-call.wasm")
                .withTimeout(Duration.ofMillis(200))
                .run();
        WasiResult divzero = WasiRunner.fromResource("guests/divzero.wasm").run();

        assertThat(loop).timedOut().failed();
        assertThatThrownBy(() -> assertThat(loop).exitedWith(0))
                .hasMessageContaining("but it timed out after 200 ms and was stopped")
                .hasMessageContaining("ended:    timed out after 200 ms and was stopped");
        assertThatThrownBy(() -> assertThat(SUCCESS).timedOut())
                .hasMessageContaining("Expecting the guest to time out\nbut it exited with code 0");
        assertThat(divzero).hasTrapMessageContaining("integer divide by zero");
        assertThatThrownBy(() -> assertThat(divzero).hasTrapMessageContaining("unreachable"))
                .hasMessageContaining("Expecting the guest to trap with a message containing:\n  \"unreachable\"\n"
                        + "but it trapped: integer divide by zero");
        assertThatThrownBy(() -> assertThat(EXIT1).hasTrapMessageContaining("x"))
                .hasMessageContaining("but it exited with code 1");
    }

    @Test
    void truncatedOutputIsSaidInMessages() {
        WasiResult flood =
                WasiRunner.fromResource("guests/flood.wasm").withMaxOutput(100).run("1");

        assertThatThrownBy(() -> assertThat(flood).failed())
                .hasMessageContaining("stdout (100 bytes, TRUNCATED at the capture limit: 1048476 more bytes dropped)")
                .hasMessageContaining("memory:   ");
        assertThatThrownBy(() -> assertThat(flood).stdout().isEmpty())
                .hasMessageContaining("stdout TRUNCATED at the capture limit (1048476 bytes dropped)");
    }

    @Test
    void fileAssertionsNavigateIntoTheRunsDirectories() {
        WasiResult written = WasiRunner.fromResource("guests/filewriter.wasm")
                .withTempDirectory("/out")
                .run();

        assertThat(written).file("/out/report.txt").hasContent("hello");
        assertThatThrownBy(() -> assertThat(written).file("/out/missing.txt").exists())
                .hasMessageContaining("[file /out/missing.txt of classpath:guests/filewriter.wasm");
    }

    @Test
    void linesBytesPatternsRequirementsAndDuration() {
        assertThat(SUCCESS)
                .stdoutLines()
                .containsExactly(
                        "Wasm Guest: Hello from stdout!",
                        "Wasm Guest: Received arguments: [hello]",
                        "Wasm Guest: Exiting with code 0.");
        assertThat(SUCCESS).stderrLines().containsExactly("Wasm Guest: Hello from stderr!");
        assertThat(ECHO.withStdin(new byte[] {0, 1, (byte) 255}).run())
                .stdoutBytes()
                .containsExactly(0, 1, 255);
        assertThat(ECHO.withStdin("a\r\nb").run()).stdoutLines().containsExactly("a", "b");
        assertThat(SUCCESS)
                .hasStdoutMatching("(?s)Wasm Guest: Hello.*code 0\\.\n")
                .hasStdoutMatching(Pattern.compile("(?s).*\\[hello].*"))
                .hasStdoutSatisfying(out -> assertThat(out).hasLineCount(3))
                .finishedWithin(Duration.ofSeconds(30));

        assertThatThrownBy(() -> assertThat(SUCCESS).hasStdoutMatching("Wasm"))
                .hasMessageContaining("to match pattern:\n  \"Wasm\"")
                .hasMessageContaining("Run of guest module");
        assertThatThrownBy(() -> assertThat(SUCCESS)
                        .hasStdoutSatisfying(out -> assertThat(out).contains("100%")))
                .hasMessageContaining("Expecting stdout to satisfy the given requirements, but:")
                .hasMessageContaining("\"100%\"");
        assertThatThrownBy(() -> assertThat(SUCCESS).finishedWithin(Duration.ZERO))
                .hasMessageContaining("Expecting the run to finish within:\n  0 ms\nbut it took:");
    }

    @Test
    void nullResultFailsClearly() {
        assertThatThrownBy(() -> assertThat((WasiResult) null).succeeded())
                .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void hasStdoutShowsWhereTextsThatLookAlikeFirstDiffer() {
        WasiResult echoed = ECHO.withStdin("pau pau \n").run();

        assertThatThrownBy(() -> assertThat(echoed).hasStdout("pau pau\n"))
                .hasMessageContaining("first difference at line 1, column 8 (character 8):\n"
                        + "  expected: \"pau pau\\n\"\n"
                        + "  actual:   \"pau pau \\n\"\n"
                        + " ".repeat(20) + "^");
    }

    @Test
    void outputOfTheSizeRealProgramsPrintMatchesItsFile(@TempDir Path work) throws Exception {
        String lines = IntStream.range(0, 20_000)
                .mapToObj(i -> "line " + i + " of a long output\n")
                .collect(Collectors.joining());
        WasiResult echoed = ECHO.withStdin(lines).run();
        Path same = Files.writeString(work.resolve("same.txt"), lines);
        Path wildcards = Files.writeString(
                work.resolve("wildcards.txt"), "line 0 of a long output\n...\nline 19999 of [..] output\n");
        Path differs = Files.writeString(work.resolve("differs.txt"), lines.replace("line 12345 ", "line 12346 "));

        assertThat(echoed).hasStdoutMatchingFile(same).hasStdoutMatchingFile(wildcards);
        assertThatThrownBy(() -> assertThat(echoed).hasStdoutMatchingFile(differs))
                .hasMessageContaining(
                        "line 12346: expected \"line 12346 of a long output\" but was \"line 12345 of a long"
                                + " output\"");
    }
}
