package dev.wasmguest.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.WasiCoverage;
import dev.wasmguest.WasiResult;
import java.util.OptionalLong;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

/** The message of a run whose coverage did not reach (or reached) a line or function as expected. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ShouldHaveReached extends RunErrorMessageFactory {

    private ShouldHaveReached(WasiResult run, String expectation, String what, String found) {
        super(run, "%nExpecting the run to %s:%n  %s%nbut %s", verbatim(expectation), verbatim(what), verbatim(found));
    }

    /**
     * The run did not reach a function (or coverage was off).
     *
     * @param run the run
     * @param name the function's name
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveReachedFunction(WasiResult run, String name) {
        return new ShouldHaveReached(run, "reach the function", name, function(run, name));
    }

    /**
     * The run reached a function it should not have.
     *
     * @param run the run
     * @param name the function's name
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldNotHaveReachedFunction(WasiResult run, String name) {
        return new ShouldHaveReached(run, "never enter the function", name, function(run, name));
    }

    /**
     * The run did not reach a source line (or coverage was off).
     *
     * @param run the run
     * @param file the source file, or its end
     * @param line the line
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveReachedLine(WasiResult run, String file, int line) {
        return new ShouldHaveReached(run, "reach the line", file + ":" + line, line(run, file, line));
    }

    /**
     * The run reached a source line it should not have.
     *
     * @param run the run
     * @param file the source file, or its end
     * @param line the line
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldNotHaveReachedLine(WasiResult run, String file, int line) {
        return new ShouldHaveReached(run, "never reach the line", file + ":" + line, line(run, file, line));
    }

    private static String function(WasiResult run, String name) {
        if (run.coverage().isEmpty()) {
            return offNote();
        }
        OptionalLong calls = run.coverage().get().functionCalls(name);
        return calls.isEmpty()
                ? "the module has no function of that name"
                : "it entered it " + calls.getAsLong() + " times";
    }

    private static String line(WasiResult run, String file, int line) {
        if (run.coverage().isEmpty()) {
            return offNote();
        }
        WasiCoverage coverage = run.coverage().get();
        OptionalLong hits = coverage.lineHits(file, line);
        return hits.isEmpty()
                ? "no code of the module is on that line (its line table names "
                        + coverage.files().size() + " files; see WasiCoverage.files())"
                : "it reached it " + hits.getAsLong() + " times";
    }

    private static String offNote() {
        return "the run has no coverage: set wasmguest.coverage.dir to count it";
    }
}
