package dev.wasmguest.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as the wasi-testsuite runner uses it: a separate process whose exit code, stdout and stderr are
 * the guest's, with wasmtime's {@code --env} and {@code --dir HOST::GUEST}, and 134 for a trap.
 */
class MainProcessTest {

    @TempDir
    Path work;

    @Test
    void theExitCodeAndStreamsAreTheGuests() throws Exception {
        Ran ran = run("", guest("exit.wasm"), "3");

        assertThat(ran.exitCode).isEqualTo(3);
        assertThat(ran.stdout).isEqualTo("exiting with 3\n");
        assertThat(ran.stderr).isEqualTo("bye\n");
    }

    @Test
    void aTrapExitsWith134LikeWasmtime() throws Exception {
        Ran ran = run("", guest("trap.wasm"));

        assertThat(ran.exitCode).isEqualTo(Main.TRAPPED).isEqualTo(134);
        assertThat(ran.stdout).isEqualTo("about to trap\n");
        assertThat(ran.stderr).startsWith("Error: ").contains("trap.wasm trapped: ");
    }

    @Test
    void aRustPanicIsShownOnceByTheGuestsStderrThenTheTrapAndItsBacktrace() throws Exception {
        Ran ran = run("", guest("panic.wasm"));

        assertThat(ran.exitCode).isEqualTo(Main.TRAPPED);
        assertThat(ran.stderr)
                .startsWith("thread 'main' panicked at 'no value given', guests/rust/panic.rs:8:9\n")
                .containsOnlyOnce("no value given")
                .contains("panic.wasm trapped: Trapped on unreachable instruction\nwasm backtrace, innermost first:\n")
                .contains(": panic::check (function ");
    }

    @Test
    void theEnvironmentIsExactlyTheGivenVariablesAndStdinIsPiped() throws Exception {
        Ran ran = run("piped text", "--env", "GREETING=hello there", guest("echo.wasm"));

        assertThat(ran.exitCode).isZero();
        assertThat(ran.stdout).isEqualTo("piped text");
        assertThat(ran.stderr).isEqualTo("env GREETING=hello there\n");
        assertThat(run("", guest("echo.wasm"), "HOME").stderr).isEqualTo("env HOME is not set\n");
    }

    @Test
    void dirGrantsAHostDirectoryUnderAGuestPath() throws Exception {
        Path out = Files.createDirectory(work.resolve("out"));

        Ran ran = run("", "--dir", out + "::/results", guest("filewriter.wasm"), "/results/r.txt", "written");

        assertThat(ran.exitCode).isZero();
        assertThat(ran.stdout).isEqualTo("wrote /results/r.txt\n");
        assertThat(out.resolve("r.txt")).hasContent("written");
    }

    @Test
    void aFixtureIsAPrivateCopyThatLeavesTheHostUnchanged() throws Exception {
        Path out = Files.createDirectory(work.resolve("fixture"));

        Ran ran = run("", "--fixture", out + "::/results", guest("filewriter.wasm"), "/results/r.txt");

        assertThat(ran.exitCode).isZero();
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void versionUsageAndErrorsHaveTheirOwnExitCodes() throws Exception {
        Ran version = run("", "--version");
        assertThat(version.exitCode).isZero();
        assertThat(version.stdout).matches("wasmguest \\S+ \\(Chicory 1\\.7\\.5\\)\n");

        Ran usage = run("", "--env", "NOEQUALS", "x.wasm");
        assertThat(usage.exitCode).isEqualTo(Main.USAGE);
        assertThat(usage.stderr).startsWith("wasmguest: --env takes NAME=VALUE, got \"NOEQUALS\"\nusage: ");

        Path missing = work.resolve("missing.wasm");
        Ran error = run("", missing.toString());
        assertThat(error.exitCode).isEqualTo(Main.ERROR);
        assertThat(error.stderr).startsWith("Error: ").contains(missing.toString());
    }

    private static String guest(String name) throws URISyntaxException {
        return Path.of(MainProcessTest.class.getResource("/guests/" + name).toURI())
                .toString();
    }

    private Ran run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ReproduceCommand.java());
        command.addAll(ReproduceCommand.mainClassOnClassPath());
        command.addAll(List.of(args));
        Path stdout = work.resolve("stdout");
        Path stderr = work.resolve("stderr");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command line did not end: " + command);
        }
        return new Ran(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private record Ran(int exitCode, String stdout, String stderr) {}
}
