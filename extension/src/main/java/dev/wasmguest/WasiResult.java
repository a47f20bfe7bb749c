package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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

    private final Optional<String> testName;
    private final String source;
    private final List<String> argv;
    private final Map<String, String> env;
    private final WasiOutcome outcome;
    private final int exitCode;
    private final String trap;
    private final Supplier<List<WasmFrame>> backtrace;
    private final Supplier<String> trapExplanation;
    private final String stop;
    private final List<Number> returnValues;
    private final Optional<Object> returnedValue;
    private final byte[] stdout;
    private final long stdoutDropped;
    private final byte[] stderr;
    private final long stderrDropped;
    private final long memoryBytes;
    private final long maxMemoryBytes;
    private final Duration duration;
    private final Duration timeout;
    private final Duration preparation;
    private final WasiEngine engine;
    private final Optional<FileSystem> files;
    private final List<String> writeBackFailures;
    private final Optional<WasiCoverage> coverage;

    private WasiResult(Builder builder) {
        this.testName = builder.testName;
        this.source = Objects.requireNonNull(builder.source, "source");
        this.argv = List.copyOf(builder.argv);
        this.env = Map.copyOf(builder.env);
        this.outcome = Objects.requireNonNull(builder.outcome, "outcome");
        this.exitCode = builder.exitCode;
        this.trap = builder.trap;
        this.backtrace = builder.backtrace;
        this.trapExplanation = builder.trapExplanation;
        this.stop = builder.stop;
        this.returnValues = List.copyOf(builder.returnValues);
        this.returnedValue = builder.returnedValue;
        this.stdout = builder.stdout;
        this.stdoutDropped = builder.stdoutDropped;
        this.stderr = builder.stderr;
        this.stderrDropped = builder.stderrDropped;
        this.memoryBytes = builder.memoryBytes;
        this.maxMemoryBytes = builder.maxMemoryBytes;
        this.duration = Objects.requireNonNull(builder.duration, "duration");
        this.timeout = Objects.requireNonNull(builder.timeout, "timeout");
        this.preparation = builder.preparation;
        this.engine = Objects.requireNonNull(builder.engine, "engine");
        this.files = builder.files;
        this.writeBackFailures = List.copyOf(builder.writeBackFailures);
        this.coverage = builder.coverage;
    }

    /**
     * A new builder, for wasmguest's own runners: a result is what a run made, never built by hand.
     *
     * @return an empty builder
     */
    @API(status = INTERNAL, since = "0.1")
    public static Builder builder() {
        return new Builder();
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
        return testName;
    }

    /**
     * How the run ended: exited, trapped or timed out.
     *
     * @return never {@code null}
     */
    public WasiOutcome outcome() {
        return outcome;
    }

    /**
     * The exit code: 0 when {@code _start} returned, {@code n} when the guest called {@code proc_exit(n)}
     * (C's {@code exit(n)}), {@value #NO_EXIT_CODE} when it trapped or timed out.
     *
     * @return the code, or {@value #NO_EXIT_CODE}
     */
    public int exitCode() {
        return exited() ? exitCode : NO_EXIT_CODE;
    }

    /**
     * Whether the guest exited, with any code.
     *
     * @return {@code true} when the outcome is {@link WasiOutcome#EXITED}
     */
    public boolean exited() {
        return outcome == WasiOutcome.EXITED;
    }

    /**
     * The trap message when the guest trapped, e.g. {@code Trapped on unreachable instruction},
     * {@code out of bounds memory access}, {@code integer divide by zero}, {@code call stack exhausted}; else empty.
     *
     * @return the message; never {@code null}
     */
    public Optional<String> trap() {
        return Optional.ofNullable(trap);
    }

    /**
     * Whether the guest trapped.
     *
     * @return {@code true} when the outcome is {@link WasiOutcome#TRAPPED}
     */
    public boolean trapped() {
        return outcome == WasiOutcome.TRAPPED;
    }

    /**
     * Whether the guest ran longer than its timeout and was stopped, or was stopped sooner by an interrupt of its
     * thread (such as JUnit's {@code @Timeout}; {@link #describeOutcome()} says which).
     *
     * @return {@code true} when the outcome is {@link WasiOutcome#TIMED_OUT}
     */
    public boolean timedOut() {
        return outcome == WasiOutcome.TIMED_OUT;
    }

    /**
     * The timeout the run had.
     *
     * @return never {@code null}
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Whether the guest exited with code 0 and what it changed in its read-write directories reached the host.
     *
     * @return {@code true} for exit code 0, or a call of an instance's function that returned, with every file
     *         brought back; {@code false} for any other ending
     */
    public boolean succeeded() {
        boolean ended = exited() && exitCode == 0 || returned();
        return ended && writeBackFailures.isEmpty();
    }

    /**
     * Whether this is a call of a {@link WasiInstance}'s exported function that returned.
     *
     * @return {@code true} when the outcome is {@link WasiOutcome#RETURNED}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public boolean returned() {
        return outcome == WasiOutcome.RETURNED;
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
        return returnValues;
    }

    /**
     * What a typed call of a {@link WasiInstance}'s function returned: a component's export, or a wit-bindgen
     * module's function called with its WIT signature. The value is the Java form of the function's WIT result type
     * that {@link WasiInstance#call(String, Object...)} describes ({@code string} as a {@link String}, {@code record}
     * as a {@link Map}, {@code result} as a {@link WitCase}, ...). A numeric result is also {@link #returnValues()}'s
     * only value.
     *
     * @return the value; empty when the function has no result, the call did not return, or the call was not typed
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public Optional<Object> returnedValue() {
        return returnedValue;
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
        return writeBackFailures;
    }

    /**
     * Standard output decoded as UTF-8; lossless for valid UTF-8, malformed bytes become U+FFFD.
     *
     * @return the captured standard output; never {@code null}
     */
    public String stdout() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /**
     * Standard error decoded as UTF-8; lossless for valid UTF-8, malformed bytes become U+FFFD.
     *
     * @return the captured standard error; never {@code null}
     */
    public String stderr() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /**
     * The captured bytes of standard output; a copy.
     *
     * @return a new array; never {@code null}
     */
    public byte[] stdoutBytes() {
        return stdout.clone();
    }

    /**
     * The captured bytes of standard error; a copy.
     *
     * @return a new array; never {@code null}
     */
    public byte[] stderrBytes() {
        return stderr.clone();
    }

    /**
     * Whether the guest wrote more to stdout than the capture limit; the excess was dropped.
     *
     * @return {@code true} when bytes of stdout were dropped
     */
    public boolean stdoutTruncated() {
        return stdoutDropped > 0;
    }

    /**
     * Whether the guest wrote more to stderr than the capture limit; the excess was dropped.
     *
     * @return {@code true} when bytes of stderr were dropped
     */
    public boolean stderrTruncated() {
        return stderrDropped > 0;
    }

    /**
     * How many bytes of stdout were dropped beyond the capture limit.
     *
     * @return the count; 0 when nothing was dropped
     */
    public long stdoutDroppedBytes() {
        return stdoutDropped;
    }

    /**
     * How many bytes of stderr were dropped beyond the capture limit.
     *
     * @return the count; 0 when nothing was dropped
     */
    public long stderrDroppedBytes() {
        return stderrDropped;
    }

    /**
     * The size of the guest's linear memory when the run ended, in bytes (0 for a module without memory).
     *
     * @return the size in bytes
     */
    public long memoryBytes() {
        return memoryBytes;
    }

    /**
     * The most the guest could grow its memory to: the module's own maximum or the memory limit, if lower.
     *
     * @return the bound in bytes
     */
    public long maxMemoryBytes() {
        return maxMemoryBytes;
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
        FileSystem fileSystem = files.orElseThrow(() -> new IllegalStateException("the run of " + source
                + " had no directories; grant one with withTempDirectory, withDirectory or withReadOnlyDirectory"));
        return fileSystem.getPath(guestPath.startsWith("/") ? guestPath : "/" + guestPath);
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
        return argv;
    }

    /**
     * The environment variables the guest was given; nothing else was visible to it.
     *
     * @return an unmodifiable map; never {@code null}
     */
    public Map<String, String> env() {
        return env;
    }

    /**
     * The module that ran, as its source was named: URL, path or classpath resource.
     *
     * @return the source, e.g. {@code classpath:guests/seed.wasm}; never {@code null}
     */
    public String source() {
        return source;
    }

    /**
     * Wall-clock time from the start of the run until the guest exited, trapped or was stopped; the time the run
     * waited for its module to be prepared is not part of it ({@link #preparation()}).
     *
     * @return never {@code null}
     */
    public Duration duration() {
        return duration;
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
        return preparation;
    }

    /**
     * The engine that ran the guest: {@link WasiEngine#COMPILER} or {@link WasiEngine#INTERPRETER}. For a run
     * stopped before it started, the engine it asked for.
     *
     * @return never {@code null}
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public WasiEngine engine() {
        return engine;
    }

    /**
     * Which lines of the guest's source and which of its functions this run reached, when coverage is on
     * ({@link WasmGuestSetting#COVERAGE_DIR}): counted however the run ended (exit, trap, timeout), the same in both
     * engines.
     *
     * @return the run's coverage; empty when coverage is off, and for components (not counted yet)
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public Optional<WasiCoverage> coverage() {
        return coverage;
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
        return backtrace.get();
    }

    /**
     * How the run ended in words, e.g. {@code exited with code 1}, {@code trapped: ...}, {@code timed out after 5 s}.
     * After a trap, lines follow the first: a Rust panic's message (from stderr), and the {@link #trapBacktrace()},
     * at most 20 frames.
     *
     * @return one line, or for a trap one line and those that follow; never {@code null}
     */
    public String describeOutcome() {
        return outcome == WasiOutcome.TRAPPED ? describeEnding() + trapExplanation.get() : describeEnding();
    }

    /** A returned value as a message shows it: strings quoted, byte arrays by their bytes. */
    private static String shown(Object value) {
        if (value instanceof String string) {
            return "\"" + string + "\"";
        }
        return value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : String.valueOf(value);
    }

    /** The first line of {@link #describeOutcome()}. */
    private String describeEnding() {
        String ending = switch (outcome) {
            case EXITED -> "exited with code " + exitCode;
            case RETURNED ->
                "returned "
                        + returnedValue
                                .map(WasiResult::shown)
                                .orElse(returnValues.isEmpty() ? "nothing" : returnValues.toString());
            case TRAPPED -> "trapped: " + trap;
            case TIMED_OUT -> stop;
        };
        return writeBackFailures.isEmpty()
                ? ending
                : ending + ", but its files could not all be brought back to the host: "
                        + String.join("; ", writeBackFailures);
    }

    @Override
    public String toString() {
        return "WasiResult[" + source + " " + args() + " -> " + describeEnding() + "]";
    }

    /**
     * Gathers what a run made into a {@link WasiResult}; for wasmguest's own runners. Not thread-safe; each
     * {@link #build()} takes what was set so far.
     *
     * @since 0.1
     */
    @API(status = INTERNAL, since = "0.1")
    public static final class Builder {

        private Optional<String> testName = Optional.empty();
        private String source;
        private List<String> argv = List.of();
        private Map<String, String> env = Map.of();
        private WasiOutcome outcome;
        private int exitCode;
        private String trap;
        private Supplier<List<WasmFrame>> backtrace = List::of;
        private Supplier<String> trapExplanation = () -> "";
        private String stop;
        private List<Number> returnValues = List.of();
        private Optional<Object> returnedValue = Optional.empty();
        private byte[] stdout = new byte[0];
        private long stdoutDropped;
        private byte[] stderr = new byte[0];
        private long stderrDropped;
        private long memoryBytes;
        private long maxMemoryBytes;
        private Duration duration = Duration.ZERO;
        private Duration timeout;
        private Duration preparation = Duration.ZERO;
        private WasiEngine engine;
        private Optional<FileSystem> files = Optional.empty();
        private List<String> writeBackFailures = List.of();
        private Optional<WasiCoverage> coverage = Optional.empty();

        private Builder() {}

        /**
         * What ran.
         *
         * @param source the module's source as named: URL, path or classpath resource
         * @param argv the arguments, {@code argv[0]} first
         * @param env the environment variables the guest saw
         * @param testName the name of the test that made the run, when a test's runner made it
         * @return this builder
         */
        public Builder ran(String source, List<String> argv, Map<String, String> env, Optional<String> testName) {
            this.source = source;
            this.argv = argv;
            this.env = env;
            this.testName = testName;
            return this;
        }

        /**
         * The guest exited with {@code code}.
         *
         * @param code 0 when {@code _start} returned, else the code given to {@code proc_exit}
         * @return this builder
         */
        public Builder exited(int code) {
            this.outcome = WasiOutcome.EXITED;
            this.exitCode = code;
            return this;
        }

        /**
         * The called function returned {@code values}.
         *
         * @param values as {@code Integer}, {@code Long}, {@code Float} or {@code Double} by the function's type
         * @return this builder
         */
        public Builder returned(List<Number> values) {
            this.outcome = WasiOutcome.RETURNED;
            this.returnValues = values;
            return this;
        }

        /**
         * The typed call returned {@code value}, which is also the {@link #returned(List) returned number} when it is
         * one.
         *
         * @param value the Java form of the function's result
         * @return this builder
         */
        public Builder returnedValue(Object value) {
            returned(value instanceof Number number ? List.of(number) : List.of());
            this.returnedValue = Optional.of(value);
            return this;
        }

        /**
         * The guest trapped.
         *
         * @param message what it trapped with
         * @param frames where it was, innermost first; asked for only when a caller wants them
         * @param explanation the lines that follow the ending's in {@link #describeOutcome()}, each starting with a
         *        line break; asked for only when a caller wants them
         * @return this builder
         */
        public Builder trapped(String message, Supplier<List<WasmFrame>> frames, Supplier<String> explanation) {
            this.outcome = WasiOutcome.TRAPPED;
            this.trap = message;
            this.backtrace = frames;
            this.trapExplanation = explanation;
            return this;
        }

        /**
         * The guest was stopped: by its timeout or an interrupt.
         *
         * @param how who stopped it and when, in words, e.g. {@code timed out after 5 s and was stopped}
         * @return this builder
         */
        public Builder stopped(String how) {
            this.outcome = WasiOutcome.TIMED_OUT;
            this.stop = how;
            return this;
        }

        /**
         * What the guest wrote.
         *
         * @param stdout the captured standard output, not copied
         * @param stdoutDropped bytes of it dropped beyond the capture limit
         * @param stderr the captured standard error, not copied
         * @param stderrDropped bytes of it dropped beyond the capture limit
         * @return this builder
         */
        public Builder output(byte[] stdout, long stdoutDropped, byte[] stderr, long stderrDropped) {
            this.stdout = stdout;
            this.stdoutDropped = stdoutDropped;
            this.stderr = stderr;
            this.stderrDropped = stderrDropped;
            return this;
        }

        /**
         * The guest's memory.
         *
         * @param bytes its size when the run ended
         * @param max the most it could have grown to
         * @return this builder
         */
        public Builder memory(long bytes, long max) {
            this.memoryBytes = bytes;
            this.maxMemoryBytes = max;
            return this;
        }

        /**
         * How the run went in time, and on which engine.
         *
         * @param engine the engine that ran the guest, or the one asked for when it did not start
         * @param preparation how long the run waited for its module before it started
         * @param duration how long it ran
         * @param timeout the timeout it had
         * @return this builder
         */
        public Builder ranOn(WasiEngine engine, Duration preparation, Duration duration, Duration timeout) {
            this.engine = engine;
            this.preparation = preparation;
            this.duration = duration;
            this.timeout = timeout;
            return this;
        }

        /**
         * The guest's directories after the run.
         *
         * @param fileSystem the run's private file system, when it had directories
         * @param writeBackFailures what could not be brought back to the host, each naming the file
         * @return this builder
         */
        public Builder files(Optional<FileSystem> fileSystem, List<String> writeBackFailures) {
            this.files = fileSystem;
            this.writeBackFailures = writeBackFailures;
            return this;
        }

        /**
         * The run's coverage, when coverage is on.
         *
         * @param coverage what the run reached
         * @return this builder
         */
        public Builder coverage(WasiCoverage coverage) {
            this.coverage = Optional.of(coverage);
            return this;
        }

        /**
         * The result.
         *
         * @return a result of what was set
         * @throws NullPointerException when what ran, how it ended or how it went in time was not set
         */
        public WasiResult build() {
            return new WasiResult(this);
        }
    }
}
