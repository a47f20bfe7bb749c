package dev.wasmguest.internal.engine;

import java.time.Duration;

/**
 * How one run ended and what it wrote.
 *
 * @param exitCode the code given to {@code proc_exit}, 0 when {@code _start} returned; meaningless when
 *        {@code trap} is not null
 * @param trap the trap message, or null when the guest exited
 */
public record RunRecord(int exitCode, String trap, byte[] stdout, byte[] stderr, Duration duration) {
}
