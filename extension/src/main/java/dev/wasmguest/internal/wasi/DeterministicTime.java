package dev.wasmguest.internal.wasi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import run.endive.runtime.HostFunction;
import run.endive.runtime.Instance;

/**
 * Replaces WASI's {@code clock_time_get} so that both clocks come from the test's {@link Clock}: the wall clock
 * reads it, and the monotonic clock counts from 0 at the start of the run by the clock's own progress plus one
 * microsecond per reading, so that it is reproducible with a fixed clock yet never stands still (a guest waiting
 * for time to pass still gets there). Endive reads the monotonic clock from {@code System.nanoTime()} otherwise.
 */
@API(status = INTERNAL, since = "0.1")
public final class DeterministicTime {

    private static final int REALTIME = 0;
    private static final int MONOTONIC = 1;
    private static final long TICK_NANOS = 1_000;

    private final Clock clock;
    private final Instant start;
    private final AtomicLong readings = new AtomicLong();

    public DeterministicTime(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    /** The host functions, with {@code clock_time_get} replaced by this clock's. */
    public HostFunction[] apply(HostFunction[] functions) {
        HostFunction[] replaced = functions.clone();
        for (int i = 0; i < replaced.length; i++) {
            HostFunction original = replaced[i];
            if (original.name().equals("clock_time_get")) {
                replaced[i] = new HostFunction(
                        original.module(),
                        original.name(),
                        original.functionType(),
                        (instance, args) -> clockTimeGet(original, instance, args));
            }
        }
        return replaced;
    }

    private long[] clockTimeGet(HostFunction original, Instance instance, long... args) {
        int clockId = (int) args[0];
        int resultAddress = (int) args[2];
        long nanos;
        if (clockId == REALTIME) {
            Instant now = clock.instant();
            nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        } else if (clockId == MONOTONIC) {
            nanos = Duration.between(start, clock.instant()).toNanos() + readings.incrementAndGet() * TICK_NANOS;
        } else {
            return original.handle().apply(instance, args); // process and thread CPU clocks: Endive's answer
        }
        instance.memory().writeLong(resultAddress, nanos);
        return Errno.SUCCESS.answer();
    }
}
