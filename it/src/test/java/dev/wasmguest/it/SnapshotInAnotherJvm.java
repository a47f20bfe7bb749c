package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiRunner;

/** Checks one run against its snapshot in a JVM of its own, whose system properties and environment a test sets. */
public final class SnapshotInAnotherJvm {

    private SnapshotInAnotherJvm() {}

    public static void main(String[] args) {
        try {
            assertThat(WasiRunner.fromResource("guests/seed.wasm").run(args[0])).matchesSnapshot("guest/seed");
        } catch (AssertionError failure) {
            System.out.println(failure.getMessage());
            System.exit(1);
        }
    }
}
