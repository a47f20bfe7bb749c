package dev.wasmguest.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.assertions.TextDifference;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Messages of a run whose output was not as expected. Output quoted in the message is cut, when long, around a
 * "… N bytes omitted …" marker: a message stays readable whatever the guest wrote.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ShouldHaveOutput extends RunErrorMessageFactory {

    private ShouldHaveOutput(WasiResult run, String format, Object... arguments) {
        super(run, format, arguments);
    }

    /**
     * Stdout is not {@code expected}. The message says where they first differ (line, column, and the characters
     * there with invisible ones escaped), so two texts that look the same can be told apart.
     *
     * @param run the run
     * @param expected the whole of stdout expected
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveStdout(WasiResult run, String expected) {
        return new ShouldHaveOutput(
                run,
                "%nExpecting stdout:%n  %s%nto be equal to:%n  %s%n%s",
                excerpt(run.stdout()),
                excerpt(expected),
                verbatim(TextDifference.describe(expected, run.stdout())));
    }

    /**
     * A stream does not contain every one of {@code values}.
     *
     * @param run the run
     * @param stream {@code stdout} or {@code stderr}
     * @param values what the stream should contain
     * @param missing the values it does not contain
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldContain(
            WasiResult run, String stream, List<String> values, List<String> missing) {
        String text = stream.equals("stdout") ? run.stdout() : run.stderr();
        return new ShouldHaveOutput(
                run,
                "%nExpecting %s:%n  %s%nto contain:%n  %s%nbut could not find:%n  %s",
                verbatim(stream),
                excerpt(text),
                values,
                missing);
    }

    /**
     * The guest wrote to stderr.
     *
     * @param run the run
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveEmptyStderr(WasiResult run) {
        return new ShouldHaveOutput(
                run, "%nExpecting stderr to be empty%nbut it holds %s bytes", run.stderrBytes().length);
    }

    /**
     * Stdout does not match {@code pattern} as a whole.
     *
     * @param run the run
     * @param pattern the pattern
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveStdoutMatching(WasiResult run, Pattern pattern) {
        return new ShouldHaveOutput(
                run, "%nExpecting stdout:%n  %s%nto match pattern:%n  %s", excerpt(run.stdout()), pattern.pattern());
    }

    /**
     * Stdout failed the given requirements.
     *
     * @param run the run
     * @param unmet how the requirements failed
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveStdoutSatisfying(WasiResult run, AssertionError unmet) {
        return new ShouldHaveOutput(
                run,
                "%nExpecting stdout to satisfy the given requirements, but:%n%s",
                verbatim(excerpt(String.valueOf(unmet.getMessage()))));
    }
}
