package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Guests that print times and random bytes give reproducible output when the test fixes the clock and the seed. */
class DeterminismTest {

    private static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void fixedClockAndSeedGiveTheSameOutputEveryRun(WasiEngine engine) {
        WasiRunner guest = WasiRunner.fromResource("guests/clockrand.wasm")
                .withEngine(engine)
                .withClock(NEW_YEAR)
                .withRandomSeed(42);

        WasiResult first = guest.run();
        WasiResult second = guest.run();

        assertThat(first)
                .succeeded()
                .stdout()
                .startsWith("realtime 1767225600.000000000\nmonotonic advanced 1000 ns\nrandom ");
        assertThat(second).hasStdout(first.stdout());
        assertThat(guest.withRandomSeed(43).run().stdout()).isNotEqualTo(first.stdout());
    }

    @Test
    void withoutThemTheHostClockAndRandomnessShow() {
        WasiRunner guest = WasiRunner.fromResource("guests/clockrand.wasm");
        long now = Instant.now().getEpochSecond();

        WasiResult result = guest.run();

        long seconds = Long.parseLong(
                result.stdout().substring("realtime ".length(), result.stdout().indexOf('.')));
        assertThat(seconds).isBetween(now - 5, now + 5);
        assertThat(guest.run().stdout()).isNotEqualTo(result.stdout());
    }

    @Test
    void throughTheAnnotation(
            @WasmGuest(resource = "guests/clockrand.wasm", clock = "2026-01-01T00:00:00Z", randomSeed = "7")
                    WasiResult result) {
        assertThat(result).succeeded().stdout().startsWith("realtime 1767225600.000000000\n");
        assertThat(WasiRunner.fromResource("guests/clockrand.wasm")
                        .withClock(NEW_YEAR)
                        .withRandomSeed(7)
                        .run())
                .hasStdout(result.stdout());
    }
}
