package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * How a run ended.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public enum WasiOutcome {

    /** The guest exited: {@code _start} returned (exit code 0) or it called {@code proc_exit}. */
    EXITED,

    /** The guest trapped: {@code unreachable}, out-of-bounds memory, division by zero, stack exhaustion... */
    TRAPPED,

    /**
     * The guest was stopped because it ran longer than its timeout, or sooner by an interrupt of its thread (such as
     * JUnit's {@code @Timeout}); {@link WasiResult#describeOutcome()} says which.
     */
    TIMED_OUT,

    /**
     * A call of an exported function of a {@link WasiInstance} returned: see {@link WasiResult#returnValues()}. A
     * command's run never ends so.
     *
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    RETURNED
}
