package dev.wasmguest.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How one run ended and what it wrote.
 *
 * @param exitCode the code given to {@code proc_exit}, 0 when {@code _start} returned; meaningless unless the
 *        outcome is {@link WasiOutcome#EXITED}
 * @param trap the trap message when trapped, else null
 * @param stdoutDropped bytes of stdout dropped beyond the capture limit
 * @param memoryBytes the guest's linear memory size when the run ended
 * @param maxMemoryBytes the most the guest could have grown its memory to
 * @param engine the engine that ran the guest: {@link WasiEngine#COMPILER} or {@link WasiEngine#INTERPRETER}
 * @param files the guest's directories after the run, when it had any
 * @param preparation how long the run waited for its module to be prepared before it started
 * @param started false when the run was stopped while it waited, before the guest started
 */
@API(status = INTERNAL, since = "0.1")
public record RunRecord(
        WasiOutcome outcome,
        int exitCode,
        String trap,
        byte[] stdout,
        long stdoutDropped,
        byte[] stderr,
        long stderrDropped,
        long memoryBytes,
        long maxMemoryBytes,
        Duration duration,
        Duration timeout,
        WasiEngine engine,
        Duration preparation,
        boolean started,
        Optional<GuestFiles> files) {

    /**
     * A run stopped by an interrupt of its caller while it waited for its module, before the guest started.
     *
     * @param engine the engine that was asked for
     */
    public static RunRecord interruptedBeforeStart(RunLimits limits, WasiEngine engine, Duration preparation) {
        return new RunRecord(
                WasiOutcome.TIMED_OUT,
                0,
                null,
                new byte[0],
                0,
                new byte[0],
                0,
                0,
                limits.maxMemoryBytes(),
                Duration.ZERO,
                limits.timeout(),
                engine,
                preparation,
                false,
                Optional.empty());
    }
}
