package dev.wasmguest.internal.engine;

import dev.wasmguest.WasiOutcome;
import java.time.Duration;

/**
 * How one run ended and what it wrote.
 *
 * @param exitCode the code given to {@code proc_exit}, 0 when {@code _start} returned; meaningless unless the
 *        outcome is {@link WasiOutcome#EXITED}
 * @param trap the trap message when trapped, else null
 * @param stdoutDropped bytes of stdout dropped beyond the capture limit
 * @param memoryBytes the guest's linear memory size when the run ended
 * @param maxMemoryBytes the most the guest could have grown its memory to
 */
public record RunRecord(WasiOutcome outcome, int exitCode, String trap, byte[] stdout, long stdoutDropped,
        byte[] stderr, long stderrDropped, long memoryBytes, long maxMemoryBytes, Duration duration,
        Duration timeout) {
}
