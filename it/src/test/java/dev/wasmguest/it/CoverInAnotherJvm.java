package dev.wasmguest.it;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.nio.file.Path;

/**
 * Runs a guest several times in a JVM of its own, with the coverage directory its system properties name:
 * {@code MODULE TIMES ARG...}. Prints each run's outcome.
 */
public final class CoverInAnotherJvm {

    private CoverInAnotherJvm() {}

    public static void main(String[] args) {
        WasiRunner runner =
                WasiRunner.fromFile(Path.of(args[0])).withArgs(java.util.Arrays.copyOfRange(args, 2, args.length));
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            WasiResult result = runner.run();
            System.out.println(
                    result.describeOutcome() + " " + result.coverage().orElseThrow());
        }
    }
}
