package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A guest sees nothing of the host that the test does not grant: the prober tries, and reports what it saw. */
class SandboxTest {

    @TempDir
    Path host;

    private WasiRunner prober(WasiEngine engine) {
        return WasiRunner.fromResource("guests/prober.wasm").withEngine(engine);
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void withNothingGrantedTheGuestSeesNothing(WasiEngine engine) {
        WasiResult result = prober(engine).run();

        assertThat(result)
                .succeeded()
                .stdout()
                .contains("absolute /etc/passwd: denied")
                .contains("dotdot: denied")
                .contains("relative dotdot: denied")
                .contains("symlink escape: denied")
                .contains("env count: 0")
                .contains("HOME: (not set)")
                .contains("stdin bytes: 0")
                .doesNotContain("READ");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void aGrantedDirectoryDoesNotLeadOutOfItself(WasiEngine engine) throws IOException {
        Files.writeString(host.resolve("input.txt"), "granted line\n");
        Files.createSymbolicLink(host.resolve("escape"), Path.of("/etc"));
        Files.createSymbolicLink(host.resolve("up"), Path.of("../../../../../../.."));
        Files.writeString(Files.createDirectory(host.resolve("nested")).resolve("nested.txt"), "nested line\n");
        Files.createSymbolicLink(host.resolve("linked"), Path.of("nested"));
        Files.createSymbolicLink(host.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(host.resolve("uppasswd"), Path.of("../../../../../../../etc/passwd"));
        Files.createSymbolicLink(host.resolve("nested-link"), Path.of("nested/nested.txt"));
        assertThat(host.resolve("escape/passwd"))
                .as("the host has /etc/passwd to leak")
                .exists();
        assertThat(host.resolve("up/etc/passwd"))
                .as("the host has /etc/passwd to leak by a relative link")
                .exists();

        WasiResult result = prober(engine).withReadOnlyDirectory("/data", host).run();

        assertThat(result)
                .succeeded()
                .stdout()
                .contains("granted file: READ \"granted line\"")
                .contains("through a linked directory: READ \"nested line\"")
                .contains("linked file: READ \"nested line\"")
                .contains("final symlink escape: denied")
                .contains("final relative symlink escape: denied")
                .contains("escape link: link to \"/etc\"")
                .contains("dotdot: denied")
                .contains("symlink escape: denied")
                .contains("relative symlink escape: denied")
                .contains("absolute /etc/passwd: denied");
        assertThat(result.stdout()).doesNotContain("root:");
        // Ours to remove: JUnit warns about links out of a temporary directory that it has to delete.
        Files.delete(host.resolve("escape"));
        Files.delete(host.resolve("up"));
        Files.delete(host.resolve("passwd"));
        Files.delete(host.resolve("uppasswd"));
    }

    @Test
    void onlyGrantedAndExplicitlyInheritedVariablesAreVisible() {
        assertThat(System.getenv("HOME")).as("the host has HOME").isNotNull();

        WasiResult result = prober(WasiEngine.COMPILER)
                .withEnv("GIVEN", "yes")
                .withInheritedEnv("HOME", "NO_SUCH_VAR_X")
                .withStdin("abc")
                .run();

        assertThat(result)
                .stdout()
                .contains("env: GIVEN=yes")
                .contains("env: HOME=" + System.getenv("HOME"))
                .contains("env count: 2")
                .contains("stdin bytes: 3");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void tempDirectoryFilesCanBeInspectedAfterTheRun(WasiEngine engine) {
        WasiRunner writer = WasiRunner.fromResource("guests/filewriter.wasm")
                .withEngine(engine)
                .withTempDirectory("/out");

        WasiResult first = writer.run("/out/report.txt", "first");
        WasiResult second = writer.run("/out/other.txt", "second");

        assertThat(first).succeeded().file("/out/report.txt").hasContent("first");
        assertThat(second.file("/out/report.txt"))
                .as("each run has a fresh directory")
                .doesNotExist();
        assertThat(second).file("/out/other.txt").hasContent("second");
    }

    @Test
    void readWriteDirectoryChangesReachTheHostAndReadOnlyOnesDoNot() throws IOException {
        Path readWrite = Files.createDirectory(host.resolve("rw"));
        Path readOnly = Files.createDirectory(host.resolve("ro"));
        Files.writeString(readOnly.resolve("input.txt"), "input for the guest\n");
        WasiRunner writer = WasiRunner.fromResource("guests/filewriter.wasm")
                .withDirectory("/out", readWrite)
                .withReadOnlyDirectory("/data", readOnly);

        WasiResult result = writer.run("/out/report.txt", "kept");
        assertThat(result).succeeded().hasStdout("wrote /out/report.txt\ninput for the guest\n");
        assertThat(readWrite.resolve("report.txt")).hasContent("kept");

        assertThat(writer.run("/data/input.txt", "overwritten"))
                .hasExitCode(2)
                .hasStderrContaining("/data/input.txt: Operation not permitted");
        assertThat(readOnly.resolve("input.txt")).hasContent("input for the guest");
    }

    @Test
    void writingOutsideAnyGrantedDirectoryFails() {
        WasiResult result = WasiRunner.fromResource("guests/filewriter.wasm").run("/tmp/escape.txt");

        assertThat(result).hasExitCode(2).hasStderrContaining("/tmp/escape.txt");
        assertThat(Path.of("/tmp/escape.txt")).doesNotExist();
    }

    @Test
    void directoriesTimeoutAndMemoryThroughTheAnnotation(
            @WasmGuest(
                            resource = "guests/filewriter.wasm",
                            args = {"/out/a.txt", "annotated"},
                            dirs = {"${guests.dir}::/data:ro", "::/out"},
                            timeout = "PT10S",
                            maxMemory = "32m")
                    WasiResult result) {
        assertThat(result).succeeded().file("/out/a.txt").hasContent("annotated");
        assertThat(result.timeout()).hasSeconds(10);
        assertThat(result.maxMemoryBytes()).isEqualTo(32L * 1024 * 1024);
    }
}
