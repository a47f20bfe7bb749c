package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a guest does to a read-write directory reaches the host as it left it, and mounts are bounded. */
class MountsTest {

    @TempDir
    Path host;

    private static WasiRunner fsops(WasiEngine engine) {
        return WasiRunner.fromResource("guests/fsops.wasm").withEngine(engine);
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void deletionsRenamesAndNewFilesReachTheHost(WasiEngine engine) throws IOException {
        Files.writeString(host.resolve("doomed.txt"), "delete me");
        Files.writeString(host.resolve("old-name.txt"), "renamed content");
        Files.writeString(host.resolve("kept.txt"), "untouched");
        Files.writeString(Files.createDirectory(host.resolve("empty-me")).resolve("inner.txt"), "inner");

        WasiResult result = fsops(engine)
                .withDirectory("/data", host)
                .run(
                        "rm",
                        "/data/doomed.txt",
                        "mv",
                        "/data/old-name.txt",
                        "/data/new-name.txt",
                        "rm",
                        "/data/empty-me/inner.txt",
                        "rmdir",
                        "/data/empty-me",
                        "mkdir",
                        "/data/made",
                        "write",
                        "/data/made/new.txt",
                        "fresh");

        assertThat(result).succeeded();
        assertThat(result.writeBackFailures()).isEmpty();
        assertThat(host.resolve("doomed.txt")).doesNotExist();
        assertThat(host.resolve("old-name.txt")).doesNotExist();
        assertThat(host.resolve("new-name.txt")).hasContent("renamed content");
        assertThat(host.resolve("empty-me")).doesNotExist();
        assertThat(host.resolve("made/new.txt")).hasContent("fresh");
        assertThat(host.resolve("kept.txt")).hasContent("untouched");
        try (Stream<Path> files = Files.walk(host)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    /** As wasmtime answers in a read-only preopen: EPERM, and nothing changes, in the guest or on the host. */
    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void aReadOnlyDirectoryRefusesEveryChange(WasiEngine engine) throws IOException {
        Files.writeString(host.resolve("input.txt"), "input");
        Files.createDirectory(host.resolve("sub"));
        WasiRunner runner = fsops(engine).withReadOnlyDirectory("/data", host);

        assertThat(runner.run("write", "/data/input.txt", "changed"))
                .hasStdout("write /data/input.txt: Operation not permitted\n");
        assertThat(runner.run("write", "/data/new.txt", "new"))
                .hasStdout("write /data/new.txt: Operation not permitted\n");
        assertThat(runner.run("rm", "/data/input.txt")).hasStdout("rm /data/input.txt: Operation not permitted\n");
        assertThat(runner.run("mkdir", "/data/made")).hasStdout("mkdir /data/made: Operation not permitted\n");
        assertThat(runner.run("rmdir", "/data/sub")).hasStdout("rmdir /data/sub: Operation not permitted\n");
        assertThat(runner.run("mv", "/data/input.txt", "/data/moved.txt"))
                .hasStdout("mv /data/input.txt: Operation not permitted\n");
        assertThat(runner.run("write", "/data/sub/deeper.txt", "x"))
                .as("a directory opened through a read-only one is read-only too")
                .hasStdout("write /data/sub/deeper.txt: Operation not permitted\n");
        try (Stream<Path> files = Files.walk(host)) {
            assertThat(files.map(host::relativize).map(Path::toString))
                    .containsExactlyInAnyOrder("", "input.txt", "sub");
        }
        assertThat(host.resolve("input.txt")).hasContent("input");
    }

    @Test
    void filesTheHostGetsWhileTheGuestRunsAreKept() throws Exception {
        Path data = Files.createDirectory(host.resolve("data"));
        Files.writeString(data.resolve("seen.txt"), "seen");
        WasiRunner runner =
                fsops(WasiEngine.INTERPRETER).withDirectory("/data", data).prepare();

        CompletableFuture<WasiResult> run =
                CompletableFuture.supplyAsync(() -> runner.run("rm", "/data/seen.txt", "sleep", "1500"));
        Thread.sleep(500);
        Files.writeString(data.resolve("later.txt"), "written by the host");
        WasiResult result = run.get(1, TimeUnit.MINUTES);

        assertThat(result).succeeded();
        assertThat(data.resolve("seen.txt")).doesNotExist();
        assertThat(data.resolve("later.txt")).hasContent("written by the host");
    }

    @Test
    void aFileThatCannotBeBroughtBackFailsTheResultNamingIt() throws Exception {
        Path data = Files.createDirectory(host.resolve("data"));
        Path sub = Files.createDirectory(data.resolve("sub"));
        Path elsewhere = Files.createDirectory(host.resolve("elsewhere"));
        WasiRunner runner =
                fsops(WasiEngine.INTERPRETER).withDirectory("/data", data).prepare();

        // While the guest runs on its copy, the host's directory becomes a symlink out of the mount.
        CompletableFuture<WasiResult> run =
                CompletableFuture.supplyAsync(() -> runner.run("write", "/data/sub/new.txt", "x", "sleep", "1500"));
        Thread.sleep(500);
        Files.delete(sub);
        Files.createSymbolicLink(sub, elsewhere);
        WasiResult result = run.get(1, TimeUnit.MINUTES);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.writeBackFailures())
                .containsExactly("/data/sub/new.txt (host " + sub.resolve("new.txt")
                        + "): a directory above it is a symbolic link on the host; not followed");
        assertThat(result.describeOutcome())
                .startsWith("exited with code 0, but its files could not all be brought back to the host: /data/sub");
        assertThat(elsewhere).isEmptyDirectory();
        Files.delete(sub); // a link out of the temporary directory, which JUnit would warn about
    }

    @Test
    void aDirectoryTooLargeForMemoryFailsAtOnceNamingItsSizeAndTheSetting() throws IOException {
        Files.write(host.resolve("big.bin"), new byte[3 * 1024 * 1024]);
        WasiRunner runner =
                fsops(WasiEngine.INTERPRETER).withDirectory("/data", host).withMaxMountBytes(2 * 1024 * 1024);

        assertThatThrownBy(runner::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot mount " + host + " as /data: it holds at least 3.0 MiB of files, and the"
                        + " directories of one run may hold 2.0 MiB together (wasmguest.mount.maxBytes) since the guest"
                        + " works on an in-memory copy of them; mount a smaller directory, or raise"
                        + " wasmguest.mount.maxBytes (and the JVM's heap)");
    }
}
