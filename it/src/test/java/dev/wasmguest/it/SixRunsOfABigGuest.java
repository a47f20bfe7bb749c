package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A test class as a user writes it over a large guest, with default settings: {@link BigGuestInFreshJvmTest} runs
 * it in a new JVM with an empty cache. (Its name keeps Surefire from running it directly.)
 */
@WasmGuest(resource = "guests/many-functions.wasm")
class SixRunsOfABigGuest {

    static final String OUTPUT = "3048397685\n";

    @Test
    void injectedResult(WasiResult result) {
        assertThat(result).succeeded().hasStdout(OUTPUT);
    }

    @Test
    void runnerRun(WasiRunner guest) {
        assertThat(guest.run()).succeeded().hasStdout(OUTPUT);
    }

    @Test
    void runWithArguments(WasiRunner guest) {
        assertThat(guest.run("ignored", "arguments")).succeeded().hasStdout(OUTPUT);
    }

    @Test
    void runWithEnvironmentAndStdin(WasiRunner guest) {
        assertThat(guest.withEnv("LANG", "C").withStdin("unread").run())
                .succeeded()
                .hasStdout(OUTPUT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void repeatedRuns(int count, WasiRunner guest) {
        for (int i = 0; i < count; i++) {
            assertThat(guest.run()).succeeded().hasStdout(OUTPUT);
        }
    }
}
