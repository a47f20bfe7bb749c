package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.util.Durations;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Who stopped a guest, when one was stopped: known where it happens, never guessed from the run's duration, which
 * a pause of the JVM between starting the clock and arming the timer can make a little shorter than the timeout.
 */
@API(status = INTERNAL, since = "0.1")
public enum StoppedBy {
    /** The guest ended by itself: it returned, exited or trapped. */
    NOTHING,
    /** The run's own timeout. */
    OWN_TIMEOUT,
    /** An interrupt of the thread that ran or waited for it, such as JUnit's {@code @Timeout}. */
    INTERRUPT,
    /** An interrupt that came while the run waited for its module, before the guest started. */
    INTERRUPT_BEFORE_START;

    /** True when the guest was stopped rather than ending by itself. */
    boolean stopped() {
        return this != NOTHING;
    }

    /** Who stopped a guest that ran for {@code ran} with {@code timeout}, and when, in words. */
    String describe(Duration ran, Duration timeout) {
        return switch (this) {
            case INTERRUPT_BEFORE_START ->
                "stopped by an interrupt before it started, while its module was being prepared";
            case INTERRUPT ->
                "was stopped after " + Durations.describe(ran) + " by an interrupt of its thread"
                        + " (such as JUnit's @Timeout), before its own timeout of " + Durations.describe(timeout);
            case OWN_TIMEOUT, NOTHING -> "timed out after " + Durations.describe(timeout) + " and was stopped";
        };
    }
}
