package dev.wasmguest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users and the wasi-testsuite runner start it: {@code java -jar wasmguest-cli.jar}, nothing
 * else on its class path, a separate process whose exit code, stdout and stderr are the guest's, with wasmtime's
 * {@code --env} and {@code --dir HOST::GUEST}, and 134 for a trap. Each process gets a cache directory of this
 * test's, empty at first, so that translation happens in these runs: its log lines must not reach the guest's stderr.
 */
class CommandLineJarTest {

    private static final Path JAR = Path.of(System.getProperty("wasmguest.cli.jar", "target/wasmguest-cli.jar"));

    @TempDir
    Path work;

    @Test
    void theJarIsSelfContainedAndStartsMain() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.wasmguest.internal.cli.Main");
            assertThat(jar.getEntry("dev/wasmguest/internal/cli/Main.class")).isNotNull();
            assertThat(jar.getEntry("run/endive/runtime/Instance.class")).isNotNull();
            assertThat(jar.getEntry("run/endive/compiler/MachineFactoryCompiler.class"))
                    .isNotNull();
            assertThat(jar.getEntry("com/google/common/jimfs/Jimfs.class")).isNotNull();
            assertThat(jar.getEntry("org/junit/jupiter/api/Test.class"))
                    .as("no JUnit")
                    .isNull();
        }
    }

    @Test
    void theExitCodeAndStreamsAreTheGuestsAlone() throws Exception {
        Ran ran = run("", "--engine", "compiler", guest("exit.wasm"), "3");

        assertThat(ran.exitCode).isEqualTo(3);
        assertThat(ran.stdout).isEqualTo("exiting with 3\n");
        assertThat(ran.stderr)
                .as("the guest's stderr, without wasmguest's log lines")
                .isEqualTo("bye\n");
    }

    @Test
    void verboseAddsWasmguestsOwnLinesToStderr() throws Exception {
        Ran ran = run("", "--verbose", "--engine", "compiler", guest("exit.wasm"), "3");

        assertThat(ran.exitCode).isEqualTo(3);
        assertThat(ran.stdout).isEqualTo("exiting with 3\n");
        assertThat(ran.stderr)
                .contains("bye\n")
                .containsPattern("(?m)^wasmguest: [A-Z]+: Guest module .*exit\\.wasm.*: translated to JVM bytecode");
    }

    @Test
    void aTrapExitsWith134LikeWasmtime() throws Exception {
        Ran ran = run("", guest("trap.wasm"));

        assertThat(ran.exitCode).isEqualTo(134);
        assertThat(ran.stdout).isEqualTo("about to trap\n");
        assertThat(ran.stderr).startsWith("Error: ").contains("trap.wasm trapped: ");
    }

    @Test
    void aRustPanicIsShownOnceByTheGuestsStderrThenTheTrapAndItsBacktrace() throws Exception {
        Ran ran = run("", guest("panic.wasm"));

        assertThat(ran.exitCode).isEqualTo(134);
        assertThat(ran.stderr)
                .startsWith("thread 'main' panicked at 'no value given', guests/rust/panic.rs:8:9\n")
                .containsOnlyOnce("no value given")
                .contains("panic.wasm trapped: Trapped on unreachable instruction\nwasm backtrace, innermost first:\n")
                .contains(": panic::check (function ");
    }

    @Test
    void aComponentRunsLikeTheModuleItWasMadeFrom() throws Exception {
        Ran ran = run("", guest("seed.component.wasm"), "arg1", "exit1");

        // the preview 1 adapter passes any exit code but 0 on as 1, as under wasmtime and jco run
        assertThat(ran.exitCode).isEqualTo(1);
        assertThat(ran.stdout).contains("Wasm Guest: Received arguments: [arg1, exit1]\n");
        assertThat(ran.stderr).contains("Wasm Guest: Found 'exit1' argument, exiting with code 1.\n");
    }

    @Test
    void theEnvironmentIsExactlyTheGivenVariablesAndStdinIsPiped() throws Exception {
        Ran ran = run("piped text", "--env", "GREETING=hello there", guest("echo.wasm"));

        assertThat(ran.exitCode).isZero();
        assertThat(ran.stdout).isEqualTo("piped text");
        assertThat(ran.stderr).isEqualTo("env GREETING=hello there\n");
        assertThat(run("", guest("echo.wasm"), "HOME").stderr).isEqualTo("env HOME is not set\n");
    }

    /**
     * The guest's output reaches the process's stdout while it runs: echo copies its first 4096 bytes of stdin and
     * then waits for more, so the bytes can only arrive before the end if they are streamed.
     */
    @Test
    void stdoutStreamsWhileTheGuestRuns() throws Exception {
        Process process = start("--engine", "interpreter", guest("echo.wasm"));
        byte[] block = "0123456789abcdef".repeat(256).getBytes(StandardCharsets.UTF_8);
        OutputStream stdin = process.getOutputStream();
        stdin.write(block);
        stdin.flush();

        CompletableFuture<byte[]> echoed = readFrom(process.getInputStream(), block.length);
        try {
            // Only a guard against a hang: it passes as soon as the bytes arrive.
            assertThat(echoed.get(2, TimeUnit.MINUTES))
                    .as("streamed while stdin is still open")
                    .isEqualTo(block);
        } catch (TimeoutException notStreamed) {
            throw new AssertionError("stdout was not streamed: nothing arrived while the guest waited for stdin");
        } finally {
            stdin.close();
        }
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
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
    void aGuestThatRunsPastTimeoutExitsWith124WithAdviceThatWorks() throws Exception {
        Ran ran = run("", "--timeout", "PT0.5S", "--engine", "interpreter", guest("loop-call.wasm"));

        assertThat(ran.exitCode).isEqualTo(124);
        assertThat(ran.stderr)
                .contains("loop-call.wasm timed out after 500 ms")
                .contains("give it longer with --timeout (e.g. --timeout PT5M)");
    }

    @Test
    void helpVersionUsageAndErrorsHaveTheirOwnExitCodes() throws Exception {
        Ran help = run("", "--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.stdout)
                .startsWith("usage: java -jar wasmguest-cli.jar [options] [--] MODULE [ARGS...]\n")
                .contains("--timeout DURATION", "--verbose", "--version");

        Ran version = run("", "--version");
        assertThat(version.exitCode).isZero();
        assertThat(version.stdout).matches("wasmguest 0\\.1\\.0-SNAPSHOT \\(Endive 1\\.0\\.0\\)\n");

        Ran usage = run("", "--env", "NOEQUALS", "x.wasm");
        assertThat(usage.exitCode).isEqualTo(2);
        assertThat(usage.stderr).startsWith("wasmguest: --env takes NAME=VALUE, got \"NOEQUALS\"\nusage: ");

        Ran badTimeout = run("", "--timeout", "5s", "x.wasm");
        assertThat(badTimeout.exitCode).isEqualTo(1);
        assertThat(badTimeout.stderr)
                .contains(
                        "Error: --timeout=\"5s\" (command line) is invalid: expected an ISO-8601 duration such as PT30S or P1D");

        Path missing = work.resolve("missing.wasm");
        Ran error = run("", missing.toString());
        assertThat(error.exitCode).isEqualTo(1);
        assertThat(error.stderr).startsWith("Error: ").contains(missing.toString());
    }

    private static String guest(String name) throws URISyntaxException {
        return Path.of(CommandLineJarTest.class.getResource("/guests/" + name).toURI())
                .toString();
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a cache of this test's, never the user's own
                "-Dwasmguest.cache.dir=" + work.resolve("cache"),
                "-jar",
                JAR.toString()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command)
                .redirectError(work.resolve("stderr").toFile())
                .start();
    }

    private Ran run(String stdin, String... args) throws IOException, InterruptedException, ExecutionException {
        Process process = start(args);
        CompletableFuture<byte[]> stdout = readFrom(process.getInputStream(), Integer.MAX_VALUE);
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command line did not end: " + Arrays.toString(args));
        }
        return new Ran(
                process.exitValue(),
                new String(stdout.get(), StandardCharsets.UTF_8),
                Files.readString(work.resolve("stderr")));
    }

    private static CompletableFuture<byte[]> readFrom(InputStream in, int bytes) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private record Ran(int exitCode, String stdout, String stderr) {}
}
