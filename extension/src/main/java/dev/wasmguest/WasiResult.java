package dev.wasmguest;

import dev.wasmguest.internal.engine.RunRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one run of a guest ended and what it wrote. Immutable and thread-safe; accessors never return
 * {@code null}, and byte arrays are copies.
 *
 * <p>A run either <em>exited</em> ({@code _start} returned, which is exit code 0, or the guest called
 * {@code proc_exit(n)}) or <em>trapped</em> ({@link #trap()} is present). A trapped run never reports exit
 * code 0: {@link #exitCode()} is {@value #TRAPPED_EXIT_CODE} then.
 *
 * @since 0.1.0
 */
public final class WasiResult {

    /** The {@link #exitCode()} of a run that trapped instead of exiting. */
    public static final int TRAPPED_EXIT_CODE = -1;

    private final String source;
    private final List<String> argv;
    private final Map<String, String> env;
    private final RunRecord record;

    WasiResult(String source, List<String> argv, Map<String, String> env, RunRecord record) {
        this.source = source;
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.record = record;
    }

    /**
     * The exit code: 0 when {@code _start} returned, {@code n} when the guest called {@code proc_exit(n)}
     * (C's {@code exit(n)}), {@value #TRAPPED_EXIT_CODE} when it trapped.
     */
    public int exitCode() {
        return trapped() ? TRAPPED_EXIT_CODE : record.exitCode();
    }

    /** The trap message when the guest trapped (e.g. {@code unreachable}), else empty. */
    public Optional<String> trap() {
        return Optional.ofNullable(record.trap());
    }

    /** Whether the guest trapped instead of exiting. */
    public boolean trapped() {
        return record.trap() != null;
    }

    /** Whether the guest exited with code 0 (and so did not trap). */
    public boolean succeeded() {
        return !trapped() && record.exitCode() == 0;
    }

    /** Standard output decoded as UTF-8; lossless for valid UTF-8, malformed bytes become U+FFFD. */
    public String stdout() {
        return new String(record.stdout(), StandardCharsets.UTF_8);
    }

    /** Standard error decoded as UTF-8; lossless for valid UTF-8, malformed bytes become U+FFFD. */
    public String stderr() {
        return new String(record.stderr(), StandardCharsets.UTF_8);
    }

    /** The exact bytes written to standard output; a copy. */
    public byte[] stdoutBytes() {
        return record.stdout().clone();
    }

    /** The exact bytes written to standard error; a copy. */
    public byte[] stderrBytes() {
        return record.stderr().clone();
    }

    /** The arguments the guest was given after {@code argv[0]}. */
    public List<String> args() {
        return argv.subList(1, argv.size());
    }

    /** The whole argument vector the guest saw, {@code argv[0]} first. */
    public List<String> argv() {
        return argv;
    }

    /** The environment variables the guest was given; nothing else was visible to it. */
    public Map<String, String> env() {
        return env;
    }

    /** The module that ran, as its source was named: URL, path or classpath resource. */
    public String source() {
        return source;
    }

    /** Wall-clock time from instantiation until the guest exited or trapped. */
    public Duration duration() {
        return record.duration();
    }

    /** A one-line summary: module, arguments and how the run ended. */
    @Override
    public String toString() {
        return "WasiResult[" + source + " " + args() + " -> "
                + trap().map(message -> "trapped: " + message).orElse("exit code " + exitCode()) + "]";
    }
}
