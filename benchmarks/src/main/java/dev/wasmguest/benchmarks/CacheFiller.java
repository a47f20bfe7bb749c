package dev.wasmguest.benchmarks;

import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a cache directory by running a module once in a child JVM, so that the benchmark JVM has loaded nothing of
 * the module when it is measured, as a fresh test JVM on a machine that ran the module before.
 */
final class CacheFiller {

    private CacheFiller() {}

    static void fill(Path cacheDirectory, Path module, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx8g",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dwasmguest.cache.dir=" + cacheDirectory,
                CacheFiller.class.getName(),
                module.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("filling the cache failed: " + command);
        }
    }

    /** A quick run of a large module: long enough to reach its first instruction and print its usage. */
    static WasiRunner firstRun(Path module, String... args) {
        return WasiRunner.fromFile(module).withArgs(args).withTimeout(Duration.ofMinutes(30));
    }

    static WasiResult check(WasiResult result) {
        if (result.outcome() != WasiOutcome.EXITED) {
            throw new IllegalStateException(
                    "the module did not run: " + result.describeOutcome() + "\n" + result.stderr());
        }
        return result;
    }

    /** The child JVM: runs the module (first argument) with the remaining arguments. */
    public static void main(String[] arguments) {
        check(firstRun(
                        Path.of(arguments[0]),
                        List.of(arguments).subList(1, arguments.length).toArray(String[]::new))
                .run());
    }
}
