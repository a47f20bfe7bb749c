package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.wasmguest.internal.run.RunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How one run of a guest ended and what it wrote. Immutable and thread-safe; accessors never return
 * {@code null}, and byte arrays are copies.
 *
 * <p>A run ends in one of three ways ({@link #outcome()}): the guest <em>exited</em> ({@code _start} returned,
 * which is exit code 0, or it called {@code proc_exit(n)}), it <em>trapped</em> ({@link #trap()} is present), or it
 * <em>timed out</em> and was stopped. Only an exited run has a real exit code; otherwise {@link #exitCode()} is
 * {@value #NO_EXIT_CODE}, so a trapped or stopped run is never mistaken for a success. Limits reached on the way are
 * reported besides: output beyond the capture limit ({@link #stdoutTruncated()}), and how much memory the guest
 * used of what it was allowed ({@link #memoryBytes()}, {@link #maxMemoryBytes()}); a refused {@code memory.grow}
 * is seen by the guest (C's {@code malloc} returns {@code NULL}), not by the host.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class WasiResult {

    /** The {@link #exitCode()} of a run that did not exit: it trapped or timed out. */
    public static final int NO_EXIT_CODE = -1;

    private final RunRecord record;

    /** A view of the core's record of a run. */
    WasiResult(RunRecord record) {
        this.record = record;
    }

    /**
     * The name of the test that made this run, when it ran through a runner the JUnit extension injected into a
     * test method: {@code <TestClass>/<testMethod>}, then {@code .<n>} for the n-th invocation of a parameterized or
     * repeated test, then {@code -<k>} for the k-th run within the test (from the second). Snapshot files are named
     * after it. Empty for runs made elsewhere.
     *
     * @return the test's name; never {@code null}
     */
    public Optional<String> testName() {
        return record.invocation().testName();
    }

    /**
     * How the run ended: exited, trapped or timed out.
     *
     * @return never {@code null}
     */
    public WasiOutcome outcome() {
        return record.outcome();
    }

    /**
     * The exit code: 0 when {@code _start} returned, {@code n} when the guest called {@code proc_exit(n)}
     * (C's {@code exit(n)}), {@value #NO_EXIT_CODE} when it trapped or timed out.
     *
     * @return the code, or {@value #NO_EXIT_CODE}
     */
    public int exitCode() {
        return exited() ? record.exitCode() : NO_EXIT_CODE;
    }

    /**
     * Whether the guest exited, with any code.
     *
     * @return {@code true} when the outcome is {@link WasiOutcome#EXITED}
     */
    public boolean exited() {
        return record.outcome() == WasiOutcome.EXITED;
    }

    /**
     * The trap message when the guest trapped, e.g. {@code Trapped on unreachable instruction},
     * {@code out of bounds memory access}, {@code integer divide by zero}, {@code call stack exhausted}; else empty.
     *
     * @return the message; never {@code null}
     */
    public Optional<String> trap() {
        return Optional.ofNullable(record.trap());
    }

    /**
     * Whether the guest trapped.
     *
     * @return {@code true} when the outcome is {@link WasiOutcome#TRAPPED}
     */
    public boolean trapped() {
        return record.outcome() == WasiOutcome.TRAPPED;
    }

    /**
     * Whether the guest ran longer than its timeout and was stopped, or was stopped sooner by an interrupt of its
     * thread (such as JUnit's {@code @Timeout}; {@link #describeOutcome()} says which).
     *
     * @return {@code true} when the outcome is {@link WasiOutcome#TIMED_OUT}
     */
    public boolean timedOut() {
        return record.outcome() == WasiOutcome.TIMED_OUT;
    }

    /**
     * The timeout the run had.
     *
     * @return never {@code null}
     */
    public Duration timeout() {
        return record.timeout();
    }

    /**
     * Whether the guest exited with code 0 and what it changed in its read-write directories reached the host.
     *
     * @return {@code true} for exit code 0, or a call of an instance's function that returned, with every file
     *         brought back; {@code false} for any other ending
     */
    public boolean succeeded() {
        boolean ended = exited() && record.exitCode() == 0 || returned();
        return ended && record.writeBackProblems().isEmpty();
    }

    /**
     * Whether this is a call of a {@link WasiInstance}'s exported function that returned.
     *
     * @return {@code true} when the outcome is {@link WasiOutcome#RETURNED}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public boolean returned() {
        return record.outcome() == WasiOutcome.RETURNED;
    }

    /**
     * What a call of a {@link WasiInstance}'s exported function returned, each value as its WebAssembly type says:
     * {@code i32} as {@link Integer}, {@code i64} as {@link Long}, {@code f32} as {@link Float}, {@code f64} as
     * {@link Double}.
     *
     * @return the values, in order; empty when the function returns nothing, the call did not return, or this is a
     *         command's run; never {@code null}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public List<Number> returnValues() {
        return record.returnValues();
    }

    /**
     * What of the guest's changes to its read-write directories could not be brought back to the host after the run
     * (a file the host refused, a directory that became a symlink on the host meanwhile), each naming the guest's
     * path and the host's. Such a run did not {@link #succeeded() succeed}, and {@link #describeOutcome()} says why.
     *
     * @return one line per file; empty when everything was brought back or nothing had to be; never {@code null}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public List<String> writeBackFailures() {
        return record.writeBackProblems();
    }

    /**
     * Standard output decoded as UTF-8; lossless for valid UTF-8, malformed bytes become U+FFFD.
     *
     * @return the captured standard output; never {@code null}
     */
    public String stdout() {
        return new String(record.stdout(), StandardCharsets.UTF_8);
    }

    /**
     * Standard error decoded as UTF-8; lossless for valid UTF-8, malformed bytes become U+FFFD.
     *
     * @return the captured standard error; never {@code null}
     */
    public String stderr() {
        return new String(record.stderr(), StandardCharsets.UTF_8);
    }

    /**
     * The captured bytes of standard output; a copy.
     *
     * @return a new array; never {@code null}
     */
    public byte[] stdoutBytes() {
        return record.stdout().clone();
    }

    /**
     * The captured bytes of standard error; a copy.
     *
     * @return a new array; never {@code null}
     */
    public byte[] stderrBytes() {
        return record.stderr().clone();
    }

    /**
     * Whether the guest wrote more to stdout than the capture limit; the excess was dropped.
     *
     * @return {@code true} when bytes of stdout were dropped
     */
    public boolean stdoutTruncated() {
        return record.stdoutDropped() > 0;
    }

    /**
     * Whether the guest wrote more to stderr than the capture limit; the excess was dropped.
     *
     * @return {@code true} when bytes of stderr were dropped
     */
    public boolean stderrTruncated() {
        return record.stderrDropped() > 0;
    }

    /**
     * How many bytes of stdout were dropped beyond the capture limit.
     *
     * @return the count; 0 when nothing was dropped
     */
    public long stdoutDroppedBytes() {
        return record.stdoutDropped();
    }

    /**
     * How many bytes of stderr were dropped beyond the capture limit.
     *
     * @return the count; 0 when nothing was dropped
     */
    public long stderrDroppedBytes() {
        return record.stderrDropped();
    }

    /**
     * The size of the guest's linear memory when the run ended, in bytes (0 for a module without memory).
     *
     * @return the size in bytes
     */
    public long memoryBytes() {
        return record.memoryBytes();
    }

    /**
     * The most the guest could grow its memory to: the module's own maximum or the memory limit, if lower.
     *
     * @return the bound in bytes
     */
    public long maxMemoryBytes() {
        return record.maxMemoryBytes();
    }

    /**
     * A file in the guest's directories, by its absolute guest path, e.g. {@code result.file("/out/report.txt")}
     * after {@code withTempDirectory("/out")}. The path belongs to the run's private in-memory file system: read it
     * with {@link java.nio.file.Files}. It may not exist.
     *
     * @param guestPath the file's absolute path as the guest saw it
     * @return the path in the run's file system; never {@code null}
     * @throws IllegalStateException when the run had no directories
     */
    public Path file(String guestPath) {
        return record.files()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "the run of " + source()
                                        + " had no directories; grant one with withTempDirectory, withDirectory or withReadOnlyDirectory"))
                .file(guestPath);
    }

    /**
     * The arguments the guest was given after {@code argv[0]}.
     *
     * @return an unmodifiable list; never {@code null}
     */
    public List<String> args() {
        return argv().subList(1, argv().size());
    }

    /**
     * The whole argument vector the guest saw, {@code argv[0]} first.
     *
     * @return an unmodifiable list; never {@code null}
     */
    public List<String> argv() {
        return record.invocation().argv();
    }

    /**
     * The environment variables the guest was given; nothing else was visible to it.
     *
     * @return an unmodifiable map; never {@code null}
     */
    public Map<String, String> env() {
        return record.invocation().env();
    }

    /**
     * The module that ran, as its source was named: URL, path or classpath resource.
     *
     * @return the source, e.g. {@code classpath:guests/seed.wasm}; never {@code null}
     */
    public String source() {
        return record.invocation().source();
    }

    /**
     * Wall-clock time from the start of the run until the guest exited, trapped or was stopped; the time the run
     * waited for its module to be prepared is not part of it ({@link #preparation()}).
     *
     * @return never {@code null}
     */
    public Duration duration() {
        return record.duration();
    }

    /**
     * How long the run waited, before it started, for its module to be prepared: resolved (downloaded or read),
     * parsed and validated, and for a run on compiled code translated or loaded from the cache. Zero, or close to
     * it, once an earlier run in this JVM prepared the module.
     *
     * @return never {@code null}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public Duration preparation() {
        return record.preparation();
    }

    /**
     * The engine that ran the guest: {@link WasiEngine#COMPILER} or {@link WasiEngine#INTERPRETER}. For a run
     * stopped before it started, the engine it asked for.
     *
     * @return never {@code null}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiEngine engine() {
        return record.engine();
    }

    /**
     * Where the guest was when it trapped: its WebAssembly call stack, innermost first, each frame with its function
     * (index, and name from the module's name section, demangled for Rust and plain C++ names) and, when the module
     * carries DWARF line information, its source file and line. The interpreter knows each frame's instruction; the
     * compiler engine knows each frame's function only, so its lines are where the functions begin (see {@link
     * WasmFrame#sourceLineIsFunctionStart()}). A recursion that overflowed keeps its innermost 256 frames.
     *
     * @return the frames; empty when the run did not trap, or trapped outside the guest's code; never {@code null}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public List<WasmFrame> trapBacktrace() {
        return record.backtrace().frames();
    }

    /**
     * How the run ended in words, e.g. {@code exited with code 1}, {@code trapped: ...}, {@code timed out after 5 s}.
     * After a trap, lines follow the first: a Rust panic's message (from stderr), and the {@link #trapBacktrace()},
     * at most 20 frames.
     *
     * @return one line, or for a trap one line and those that follow; never {@code null}
     */
    public String describeOutcome() {
        return record.describeOutcome();
    }

    @Override
    public String toString() {
        return "WasiResult[" + source() + " " + args() + " -> " + record.describeEnding() + "]";
    }
}
