package dev.wasmguest.internal.wasi;

import static dev.wasmguest.internal.wasi.WasiFunctionsFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import run.endive.runtime.HostFunction;

/** With a test's clock, the guest's wall clock reads it and its monotonic clock is reproducible, yet moves. */
class DeterministicTimeTest {

    private static final int REALTIME = 0;
    private static final int MONOTONIC = 1;
    private static final int PROCESS_CPU = 2;
    private static final Instant NEW_YEAR = Instant.parse("2026-01-01T00:00:00Z");

    private final WasiFunctionsFixture wasi = new WasiFunctionsFixture();
    private final HostFunction[] chicory = wasi.functions(List.of("fd_write", "clock_time_get"), Map.of());

    @Test
    void theWallClockReadsTheTestsClock() {
        HostFunction[] functions = new DeterministicTime(Clock.fixed(NEW_YEAR, ZoneOffset.UTC)).apply(chicory);

        assertThat(call(functions, "clock_time_get", wasi.instance, REALTIME, 1, 64))
                .containsExactly(0);
        assertThat(wasi.instance.memory().readLong(64)).isEqualTo(NEW_YEAR.getEpochSecond() * 1_000_000_000L);
        assertThat(wasi.calls).as("Endive's clock is not asked").isEmpty();
    }

    @Test
    void theMonotonicClockStartsAtZeroAndTicksOneMicrosecondPerReading() {
        HostFunction[] functions = new DeterministicTime(Clock.fixed(NEW_YEAR, ZoneOffset.UTC)).apply(chicory);

        long[] readings = new long[3];
        for (int i = 0; i < readings.length; i++) {
            call(functions, "clock_time_get", wasi.instance, MONOTONIC, 1, 8);
            readings[i] = wasi.instance.memory().readLong(8);
        }

        assertThat(readings).containsExactly(1_000, 2_000, 3_000);
    }

    @Test
    void theMonotonicClockFollowsAMovingClock() {
        MutableClock moving = new MutableClock(NEW_YEAR);
        HostFunction[] functions = new DeterministicTime(moving).apply(chicory);

        moving.advance(Duration.ofSeconds(2));
        call(functions, "clock_time_get", wasi.instance, MONOTONIC, 1, 8);

        assertThat(wasi.instance.memory().readLong(8)).isEqualTo(2_000_001_000L);
    }

    @Test
    void cpuClocksAndOtherFunctionsStayEndives() {
        HostFunction[] functions = new DeterministicTime(Clock.fixed(NEW_YEAR, ZoneOffset.UTC)).apply(chicory);

        call(functions, "clock_time_get", wasi.instance, PROCESS_CPU, 1, 8);

        assertThat(wasi.calls).containsExactly("clock_time_get[2, 1, 8]");
        assertThat(functions[0]).isSameAs(chicory[0]);
    }
}
