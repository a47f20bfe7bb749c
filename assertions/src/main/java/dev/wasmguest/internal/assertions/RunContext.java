package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The block that every failure message about a run ends with: which module ran with what, how it ended, and
 * what it wrote. Long output keeps its head and tail around a visible "… N bytes omitted …" marker.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunContext {

    /** Bytes kept from each end of long output. */
    static final int HEAD_BYTES = 2048;

    private RunContext() {}

    /** The context block for {@code run}, starting with a line break. */
    public static String describe(WasiResult run) {
        String nl = System.lineSeparator();
        return nl + nl + "Run of guest module " + run.source() + nl
                + "  argv:     " + run.argv() + nl
                + "  env:      " + run.env().keySet() + nl
                + "  ended:    " + Outcome.ending(run) + nl
                + details(run, nl)
                + "  duration: " + run.duration().toMillis() + " ms" + preparation(run) + nl
                + "  engine:   " + run.engine().name().toLowerCase(Locale.ROOT) + nl
                + "  memory:   " + memory(run) + nl
                + stream("stdout", run.stdoutBytes(), run.stdoutDroppedBytes())
                + stream("stderr", run.stderrBytes(), run.stderrDroppedBytes());
    }

    /** A trap's panic message and backtrace, each line under the ending. */
    private static String details(WasiResult run, String nl) {
        StringBuilder text = new StringBuilder();
        for (String line : Outcome.details(run)) {
            text.append("            ").append(line).append(nl);
        }
        return text.toString();
    }

    /** The wait for the module's preparation, when the run had one worth naming. */
    private static String preparation(WasiResult run) {
        long millis = run.preparation().toMillis();
        return millis == 0 ? "" : " (after waiting " + millis + " ms for the module to be prepared)";
    }

    private static String memory(WasiResult run) {
        return mib(run.memoryBytes()) + " of at most " + mib(run.maxMemoryBytes());
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /**
     * A one-line summary for the description of a navigated stream assertion, e.g. {@code stdout of
     * classpath:guests/seed.wasm, argv [seed.wasm, hello], exited with code 1, stderr ends "…oops"}; the
     * navigated stream itself is the assertion's actual value, so the other stream's tail is shown.
     */
    public static String summary(String stream, WasiResult run) {
        boolean onStdout = stream.equals("stdout");
        String other = onStdout ? "stderr" : "stdout";
        byte[] otherBytes = onStdout ? run.stderrBytes() : run.stdoutBytes();
        long dropped = stream.equals("stdout")
                ? run.stdoutDroppedBytes()
                : stream.equals("stderr") ? run.stderrDroppedBytes() : 0;
        return stream + " of " + run.source() + ", argv " + run.argv() + ", " + Outcome.ending(run)
                + (dropped > 0 ? ", " + stream + " TRUNCATED at the capture limit (" + dropped + " bytes dropped)" : "")
                + ", " + other + (otherBytes.length == 0 ? " empty" : " ends \"" + tail(otherBytes, 200) + "\"");
    }

    private static String tail(byte[] bytes, int max) {
        int from = Math.max(0, bytes.length - max);
        String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).strip();
        return (from > 0 ? "…" : "") + text.replace("\n", "\\n");
    }

    private static String stream(String name, byte[] bytes, long dropped) {
        String nl = System.lineSeparator();
        String truncated = dropped > 0 ? ", TRUNCATED at the capture limit: " + dropped + " more bytes dropped" : "";
        if (bytes.length == 0) {
            return "  " + name + ":   (empty" + truncated + ")" + nl;
        }
        return "  " + name + " (" + bytes.length + " bytes" + truncated + "):" + nl + indent(excerpt(bytes)) + nl;
    }

    static String excerpt(byte[] bytes) {
        return excerpt(bytes, HEAD_BYTES);
    }

    /** {@code text} whole when short, else {@code each} bytes of its head and tail around an omission marker. */
    public static String excerpt(String text, int each) {
        return excerpt(text.getBytes(StandardCharsets.UTF_8), each);
    }

    /** The bytes whole when at most {@code 2 * each}, else their head and tail with the marker on a line between. */
    private static String excerpt(byte[] bytes, int each) {
        if (bytes.length <= 2 * each) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        String nl = System.lineSeparator();
        String omitted = "… " + (bytes.length - 2 * each) + " bytes omitted …";
        return new String(bytes, 0, each, StandardCharsets.UTF_8)
                + nl
                + omitted
                + nl
                + new String(bytes, bytes.length - each, each, StandardCharsets.UTF_8);
    }

    private static String indent(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return "    | " + body.replace("\r\n", "\n").replace("\n", System.lineSeparator() + "    | ");
    }
}
