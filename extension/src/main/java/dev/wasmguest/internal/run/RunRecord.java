package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.internal.trace.Backtrace;
import dev.wasmguest.internal.trace.RustPanic;
import dev.wasmguest.internal.util.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How one run ended and what it wrote: the one result type of a run, from {@link GuestExecution} to the public
 * {@code WasiResult}, which is a view of it.
 *
 * @param invocation what ran: the module, its arguments and environment, and the test that ran it
 * @param exitCode the code given to {@code proc_exit}, 0 when {@code _start} returned; meaningless unless the
 *        outcome is {@link WasiOutcome#EXITED}
 * @param trap the trap message when trapped, else null
 * @param stdoutDropped bytes of stdout dropped beyond the capture limit
 * @param memoryBytes the guest's linear memory size when the run ended
 * @param maxMemoryBytes the most the guest could have grown its memory to
 * @param engine the engine that ran the guest: {@link WasiEngine#COMPILER} or {@link WasiEngine#INTERPRETER}
 * @param files the guest's directories after the run, when it had any
 * @param preparation how long the run waited for its module to be prepared before it started
 * @param stoppedBy who stopped the guest: its own timeout or an interrupt; {@link StoppedBy#NOTHING} when it ended
 *        by itself
 * @param writeBackProblems what of the guest's read-write directories could not be brought back to the host, each
 *        naming the file; empty when all was
 * @param backtrace where the guest was when it trapped; {@link Backtrace#none()} when it did not
 * @param returnValues what a call of a reactor's export returned ({@link WasiOutcome#RETURNED}), as {@code Integer},
 *        {@code Long}, {@code Float} or {@code Double} by the export's type; empty for a command's run
 */
@API(status = INTERNAL, since = "0.1")
public record RunRecord(
        Invocation invocation,
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
        StoppedBy stoppedBy,
        Optional<GuestFiles> files,
        List<String> writeBackProblems,
        Backtrace backtrace,
        List<Number> returnValues) {

    public RunRecord {
        writeBackProblems = List.copyOf(writeBackProblems);
        returnValues = List.copyOf(returnValues);
    }

    /**
     * What ran.
     *
     * @param source the module's source as named: URL, path or classpath resource
     * @param argv the arguments, {@code argv[0]} first
     * @param env the environment variables the guest saw
     * @param testName the name of the test that made the run, when a JUnit extension injected the runner
     */
    public record Invocation(String source, List<String> argv, Map<String, String> env, Optional<String> testName) {
        public Invocation {
            argv = List.copyOf(argv);
            env = Map.copyOf(env);
        }
    }

    /**
     * A run stopped by an interrupt of its caller while it waited for its module, before the guest started.
     *
     * @param engine the engine that was asked for
     */
    public static RunRecord interruptedBeforeStart(
            Invocation invocation, RunLimits limits, WasiEngine engine, Duration preparation) {
        return new RunRecord(
                invocation,
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
                StoppedBy.INTERRUPT_BEFORE_START,
                Optional.empty(),
                List.of(),
                Backtrace.none(),
                List.of());
    }

    /**
     * How the run ended, in words: {@code exited with code 1}, {@code trapped: ...}, {@code timed out after ...}; for
     * a trap, then on lines of their own, a Rust panic's message from stderr and the wasm backtrace. The first line
     * stands alone: {@link #describeEnding()}.
     */
    public String describeOutcome() {
        if (outcome != WasiOutcome.TRAPPED) {
            return describeEnding();
        }
        String panic = RustPanic.in(stderr)
                .map(message -> "\nthe guest panicked: " + message)
                .orElse("");
        return describeEnding() + panic + backtrace.describe();
    }

    /** Who stopped the guest, and when. */
    private String describeStop() {
        return switch (stoppedBy) {
            case INTERRUPT_BEFORE_START ->
                "stopped by an interrupt before it started, while its module was being" + " prepared";
            case INTERRUPT ->
                "was stopped after " + Durations.describe(duration) + " by an interrupt of its thread"
                        + " (such as JUnit's @Timeout), before its own timeout of " + Durations.describe(timeout);
            case OWN_TIMEOUT, NOTHING -> "timed out after " + Durations.describe(timeout) + " and was stopped";
        };
    }

    /** The first line of {@link #describeOutcome()}: how the run ended, without a trap's backtrace. */
    public String describeEnding() {
        String ending = switch (outcome) {
            case EXITED -> "exited with code " + exitCode;
            case RETURNED -> "returned " + (returnValues.isEmpty() ? "nothing" : returnValues);
            case TRAPPED -> "trapped: " + trap;
            case TIMED_OUT -> describeStop();
        };
        return writeBackProblems.isEmpty()
                ? ending
                : ending + ", but its files could not all be brought back to the host: "
                        + String.join("; ", writeBackProblems);
    }
}
