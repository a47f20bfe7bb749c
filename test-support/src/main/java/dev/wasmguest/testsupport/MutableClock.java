package dev.wasmguest.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves forward, to let time pass without waiting. Thread-safe for one writer. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** A clock that reads {@code start} until it is advanced. */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward by {@code duration}. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
