package dev.wasmguest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter for the upstream Python runner ({@code adapters/wasmguest.py}), driven as the runner drives it: its
 * name, version and supported WASI, and the command it computes for a case, run in a process of its own through the
 * command line's jar, as the README tells users to point it.
 */
class UpstreamAdapterTest {

    private static final Path GUESTS = Path.of("../guests").toAbsolutePath().normalize();
    private static final Path ADAPTER = GUESTS.resolveSibling("adapters").resolve("wasmguest.py");

    @TempDir
    Path work;

    @Test
    void theAdapterDescribesTheRuntimeAndRunsACaseThroughTheCommandLine() throws Exception {
        Path script = Files.writeString(
                work.resolve("drive.py"),
                String.join(
                        "\n",
                        "import importlib.util, subprocess, sys",
                        "spec = importlib.util.spec_from_file_location('adapter', sys.argv[1])",
                        "adapter = importlib.util.module_from_spec(spec)",
                        "spec.loader.exec_module(adapter)",
                        "print(adapter.get_name(), adapter.get_version(), adapter.get_wasi_versions(),"
                                + " adapter.get_wasi_worlds())",
                        "argv = adapter.compute_argv(sys.argv[2], (['one'], {'MODE': 'test'}, [(sys.argv[3], 'fixture.dir')]),"
                                + " [], 'wasi:cli/command', 'wasm32-wasip1')",
                        "result = subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL)",
                        "print('exit', result.returncode)",
                        "print(result.stdout, end='')",
                        ""));
        Path suite = GUESTS.resolve("suite");
        String command = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar "
                + Path.of(System.getProperty("wasmguest.cli.jar")).toAbsolutePath();

        ProcessBuilder builder = new ProcessBuilder(
                        "python3",
                        script.toString(),
                        ADAPTER.toString(),
                        suite.resolve("dirs_legacy.wasm").toString(),
                        suite.resolve("fixture.dir").toString())
                .redirectErrorStream(true);
        builder.environment().put("WASMGUEST", command);
        builder.environment().put("WASMGUEST_CACHE_DIR", work.resolve("cache").toString()); // not the user's
        Process process = builder.start();
        process.getOutputStream().close();

        assertThat(read(process))
                .matches("wasmguest \\S+ \\['wasm32-wasip1'\\] \\['wasi:cli/command'\\]\nexit 0\nfixture content\n");
    }

    private String read(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return output;
    }
}
