package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiResult;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A run's {@link WasiResult#describeOutcome()} in its parts: the first line says how it ended; a trap's panic message
 * and backtrace follow on lines of their own, which a message shows once, in its {@link RunContext}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Outcome {

    private Outcome() {}

    /** How the run ended, in one line, e.g. {@code trapped: integer divide by zero}. */
    public static String ending(WasiResult run) {
        return lines(run).get(0);
    }

    /** The lines after the first: a trap's panic message and backtrace; empty for other endings. */
    public static List<String> details(WasiResult run) {
        List<String> lines = lines(run);
        return lines.subList(1, lines.size());
    }

    private static List<String> lines(WasiResult run) {
        return run.describeOutcome().lines().toList();
    }
}
