package dev.wasmguest.internal.wasip2;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import run.endive.runtime.WasmInterruptedException;

/**
 * A run's {@code wasi:clocks} and the pollables of {@code wasi:io/poll}. With a fixed clock time is virtual: the
 * monotonic clock advances a microsecond at every reading, and waiting for a timer moves it to the timer's instant
 * at once, so that a deterministic run never sleeps. Otherwise the monotonic clock is the JVM's, and waiting sleeps,
 * until the run is stopped.
 */
final class Clocks {

    private static final long DETERMINISTIC_TICK_NANOS = 1_000;

    /**
     * What a guest can wait for: a timer at a monotonic instant, or a stream, which is always ready since the
     * guest's run blocks as it needs.
     */
    record Pollable(long instant) {

        static final Pollable READY = new Pollable(Long.MIN_VALUE);
    }

    private final Optional<Clock> fixed;
    private final long started = System.nanoTime();
    private long virtualNanos;

    Clocks(Optional<Clock> fixed) {
        this.fixed = fixed;
    }

    Instant wall() {
        return fixed.map(Clock::instant).orElseGet(Instant::now);
    }

    /** Nanoseconds since the run began; with a fixed clock, a microsecond more at every reading. */
    long monotonic() {
        if (fixed.isPresent()) {
            virtualNanos += DETERMINISTIC_TICK_NANOS;
            return virtualNanos;
        }
        return System.nanoTime() - started;
    }

    /** A timer at a monotonic {@code instant}, a u64. */
    Pollable at(long instant) {
        return new Pollable(instant < 0 ? Long.MAX_VALUE : instant);
    }

    /** A timer {@code nanos} (a u64) from now. */
    Pollable after(long nanos) {
        long now = monotonic();
        return new Pollable(nanos < 0 || nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos);
    }

    boolean ready(Pollable pollable) {
        return pollable.instant() == Long.MIN_VALUE || monotonic() >= pollable.instant();
    }

    /** Waits until {@code pollable} is ready. */
    void block(Pollable pollable) {
        if (!ready(pollable)) {
            waitUntil(pollable.instant());
        }
    }

    /** {@code poll}: the indices of the ready pollables, waiting for the first timer when none is ready. */
    List<Object> poll(List<?> pollables) {
        List<Object> ready = readyOf(pollables);
        if (ready.isEmpty() && !pollables.isEmpty()) {
            waitUntil(pollables.stream()
                    .mapToLong(pollable -> ((Pollable) pollable).instant())
                    .min()
                    .getAsLong());
            ready = readyOf(pollables);
        }
        return ready;
    }

    private List<Object> readyOf(List<?> pollables) {
        List<Object> ready = new ArrayList<>();
        for (int i = 0; i < pollables.size(); i++) {
            if (ready((Pollable) pollables.get(i))) {
                ready.add(i);
            }
        }
        return ready;
    }

    private void waitUntil(long instant) {
        if (fixed.isPresent()) {
            virtualNanos = Math.max(virtualNanos, instant);
            return;
        }
        try {
            long left;
            while ((left = instant - monotonic()) > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WasmInterruptedException("stopped while waiting for a timer");
        }
    }
}
