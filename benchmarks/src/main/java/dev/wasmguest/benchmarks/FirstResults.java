package dev.wasmguest.benchmarks;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * One JVM's view of a large module, for {@code benchmarks/big-guests.sh}: the time from asking for a run to its
 * result, for the first run of this JVM and for the second. Prints one line:
 * {@code first_ms=... second_ms=... engine=... preparation_ms=... jvm_rss_mb=... stdout=...}: the JVM's own peak
 * resident memory (not a translating JVM's it started), and the hash of the first run's
 * stdout without the lines that tell times (yosys's {@code CPU:} and {@code Time spent:}), to tell that a module and
 * the component made from it printed the same.
 *
 * <p>Usage: {@code FirstResults MODULE HOST_DIR GUEST_DIR [ARGS...]}; the module sees {@code HOST_DIR} at
 * {@code GUEST_DIR}; the cache directory comes from {@code -Dwasmguest.cache.dir}.
 */
public final class FirstResults {

    private FirstResults() {}

    public static void main(String[] arguments) {
        long asked = System.nanoTime();
        WasiRunner runner = WasiRunner.fromFile(Path.of(arguments[0]))
                .withDirectory(arguments[2], Path.of(arguments[1]))
                .withArgs(Arrays.copyOfRange(arguments, 3, arguments.length));
        WasiResult first = CacheFiller.check(runner.run());
        long firstNanos = System.nanoTime() - asked;
        long again = System.nanoTime();
        WasiResult second = CacheFiller.check(runner.run());
        long secondNanos = System.nanoTime() - again;
        if (!first.stdout().lines().findFirst().equals(second.stdout().lines().findFirst())) {
            throw new IllegalStateException("the runs differ:\n" + first.stdout() + "\n" + second.stdout());
        }
        System.out.printf(
                Locale.ROOT,
                "first_ms=%.0f second_ms=%.0f engine=%s,%s preparation_ms=%d jvm_rss_mb=%d stdout=%08x%n",
                firstNanos / 1e6,
                secondNanos / 1e6,
                first.engine(),
                second.engine(),
                first.preparation().toMillis(),
                peakResidentMegabytes(),
                first.stdout()
                        .lines()
                        .filter(line -> !line.contains("CPU:") && !line.startsWith("Time spent:"))
                        .toList()
                        .hashCode());
    }

    /** This JVM's peak resident memory in MB (Linux's VmHWM), or -1 where /proc does not say. */
    private static long peakResidentMegabytes() {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
