package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Directories granted to a component (through {@code wasi:filesystem}) behave as they do for the module it was made
 * from: the same output, the same changes brought back to the host, the same refusals in a read-only directory, and
 * no way out of a granted directory; in both engines.
 */
class ComponentFilesTest {

    @TempDir
    Path temp;

    /** The module and its component, each run on its own copy of the same host directory. */
    private record Both(WasiResult module, Path moduleHost, WasiResult component, Path componentHost) {}

    private Both run(String guest, WasiEngine engine, HostSetup setup, BiFunction<WasiRunner, Path, WasiResult> run)
            throws IOException {
        Path moduleHost = Files.createDirectory(temp.resolve("module"));
        Path componentHost = Files.createDirectory(temp.resolve("component"));
        setup.prepare(moduleHost);
        setup.prepare(componentHost);
        WasiResult module =
                run.apply(WasiRunner.fromResource("guests/" + guest + ".wasm").withEngine(engine), moduleHost);
        WasiResult component = run.apply(
                WasiRunner.fromResource("guests/" + guest + ".component.wasm").withEngine(engine), componentHost);
        return new Both(module, moduleHost, component, componentHost);
    }

    @FunctionalInterface
    private interface HostSetup {
        void prepare(Path host) throws IOException;
    }

    private static void sameOutput(Both both) {
        assertThat(both.component().stdout()).isEqualTo(both.module().stdout());
        assertThat(both.component().stderr()).isEqualTo(both.module().stderr());
        assertThat(both.component().exitCode()).isEqualTo(both.module().exitCode() == 0 ? 0 : 1);
    }

    private static Map<String, String> tree(Path root) {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> {
                try {
                    tree.put(
                            root.relativize(path).toString(),
                            Files.isRegularFile(path) ? Files.readString(path) : "(directory)");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    @ParameterizedTest
    @EnumSource(names = {"INTERPRETER", "COMPILER"})
    void deletionsRenamesAndNewFilesReachTheHost(WasiEngine engine) throws IOException {
        Both both = run(
                "fsops",
                engine,
                host -> {
                    Files.writeString(host.resolve("doomed.txt"), "delete me");
                    Files.writeString(host.resolve("old-name.txt"), "renamed content");
                    Files.writeString(host.resolve("kept.txt"), "untouched");
                    Files.writeString(
                            Files.createDirectory(host.resolve("empty-me")).resolve("inner.txt"), "inner");
                },
                (runner, host) -> runner.withDirectory("/data", host)
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
                                "fresh",
                                "rm",
                                "/data/missing.txt"));

        sameOutput(both);
        assertThat(both.component().stdout()).endsWith("rm /data/missing.txt: No such file or directory\n");
        assertThat(both.component().writeBackFailures()).isEmpty();
        assertThat(tree(both.componentHost()))
                .isEqualTo(tree(both.moduleHost()))
                .containsEntry("made/new.txt", "fresh")
                .containsEntry("new-name.txt", "renamed content")
                .containsEntry("kept.txt", "untouched")
                .doesNotContainKeys("doomed.txt", "old-name.txt", "empty-me");
    }

    /** As wasmtime answers in a read-only preopen: not permitted, and nothing changes. */
    @ParameterizedTest
    @EnumSource(names = {"INTERPRETER", "COMPILER"})
    void aReadOnlyDirectoryRefusesEveryChange(WasiEngine engine) throws IOException {
        HostSetup setup = host -> {
            Files.writeString(host.resolve("input.txt"), "input");
            Files.createDirectory(host.resolve("sub"));
        };
        String[][] changes = {
            {"write", "/data/input.txt", "changed"},
            {"write", "/data/new.txt", "new"},
            {"rm", "/data/input.txt"},
            {"mkdir", "/data/made"},
            {"rmdir", "/data/sub"},
            {"mv", "/data/input.txt", "/data/moved.txt"},
            {"write", "/data/sub/deeper.txt", "x"}
        };
        for (String[] change : changes) {
            Both both = run(
                    "fsops",
                    engine,
                    setup,
                    (runner, host) ->
                            runner.withReadOnlyDirectory("/data", host).run(change));

            sameOutput(both);
            assertThat(both.component().stdout()).endsWith(": Operation not permitted\n");
            assertThat(tree(both.componentHost())).containsOnlyKeys("", "input.txt", "sub");
            Files.walk(temp)
                    .sorted((a, b) -> b.compareTo(a))
                    .filter(path -> !path.equals(temp))
                    .forEach(path -> {
                        try {
                            Files.delete(path);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }

    /**
     * A symlink out of the directory is refused as wasmtime (cap-std) refuses it, "not permitted", where the module
     * in Endive's WASI finds nothing there ("no such file").
     */
    @ParameterizedTest
    @EnumSource(names = {"INTERPRETER", "COMPILER"})
    void aGrantedDirectoryDoesNotLeadOutOfItself(WasiEngine engine) throws IOException {
        Both both = run(
                "prober",
                engine,
                host -> {
                    Files.writeString(host.resolve("input.txt"), "granted line\n");
                    Files.createSymbolicLink(host.resolve("escape"), Path.of("/etc"));
                    Files.createSymbolicLink(host.resolve("up"), Path.of("../../../../../../.."));
                    Files.writeString(
                            Files.createDirectory(host.resolve("nested")).resolve("nested.txt"), "nested line\n");
                    Files.createSymbolicLink(host.resolve("linked"), Path.of("nested"));
                    Files.createSymbolicLink(host.resolve("passwd"), Path.of("/etc/passwd"));
                    Files.createSymbolicLink(host.resolve("uppasswd"), Path.of("../../../../../../../etc/passwd"));
                    Files.createSymbolicLink(host.resolve("nested-link"), Path.of("nested/nested.txt"));
                },
                (runner, host) -> runner.withReadOnlyDirectory("/data", host).run());
        System.out.println("MODULE\n" + both.module().stdout() + "COMPONENT\n"
                + both.component().stdout());

        assertThat(both.component())
                .succeeded()
                .stdout()
                .contains("granted file: READ \"granted line\"")
                .contains("through a linked directory: READ \"nested line\"")
                .contains("linked file: READ \"nested line\"")
                .contains("escape link: link to \"/etc\"")
                .contains("symlink escape: denied (Operation not permitted)")
                .doesNotContain("root:");
        for (String escape : new String[] {
            "absolute /etc/passwd",
            "dotdot",
            "relative dotdot",
            "symlink escape",
            "relative symlink escape",
            "final symlink escape",
            "final relative symlink escape"
        }) {
            assertThat(both.component().stdout()).contains(escape + ": denied");
        }
        for (Path host : new Path[] {both.moduleHost(), both.componentHost()}) {
            for (String link : new String[] {"escape", "up", "passwd", "uppasswd"}) {
                Files.delete(host.resolve(link)); // links out of a temporary directory that JUnit would warn about
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INTERPRETER", "COMPILER"})
    void readWriteChangesReachTheHostAndReadOnlyFilesAreRead(WasiEngine engine) throws IOException {
        Both both = run(
                "filewriter",
                engine,
                host -> {
                    Files.createDirectory(host.resolve("rw"));
                    Files.writeString(
                            Files.createDirectory(host.resolve("ro")).resolve("input.txt"), "input for the guest\n");
                },
                (runner, host) -> runner.withDirectory("/out", host.resolve("rw"))
                        .withReadOnlyDirectory("/data", host.resolve("ro"))
                        .run("/out/report.txt", "kept"));

        sameOutput(both);
        assertThat(both.component()).succeeded().hasStdout("wrote /out/report.txt\ninput for the guest\n");
        assertThat(both.component()).file("/out/report.txt").hasContent("kept\n");
        assertThat(both.componentHost().resolve("rw/report.txt")).hasContent("kept");
    }
}
