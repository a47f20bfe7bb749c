package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

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
}
