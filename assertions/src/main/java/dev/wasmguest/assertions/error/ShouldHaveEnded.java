package dev.wasmguest.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.assertions.Outcome;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages of a run that did not end as expected: exit code, success, failure, trap, timeout, return values. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ShouldHaveEnded extends RunErrorMessageFactory {

    private ShouldHaveEnded(WasiResult run, String expectation, Object... arguments) {
        super(
                run,
                "%nExpecting the guest to " + expectation + "%nbut it %s",
                with(arguments, verbatim(Outcome.ending(run))));
    }

    /**
     * The guest did not exit with {@code expected}.
     *
     * @param run the run
     * @param expected the exit code expected
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveExitCode(WasiResult run, int expected) {
        return new ShouldHaveEnded(run, "exit with code:%n  %s", expected);
    }

    /**
     * The guest did not exit with code 0.
     *
     * @param run the run
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldSucceed(WasiResult run) {
        return new ShouldHaveEnded(run, "succeed (exit with code 0)");
    }

    /**
     * The guest exited with code 0.
     *
     * @param run the run
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldFail(WasiResult run) {
        return new ShouldHaveEnded(run, "fail (exit with a non-zero code, trap or time out)");
    }

    /**
     * The guest did not trap.
     *
     * @param run the run
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldTrap(WasiResult run) {
        return new ShouldHaveEnded(run, "trap");
    }

    /**
     * The guest did not trap with a message containing {@code text}.
     *
     * @param run the run
     * @param text what the trap message should contain
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveTrapMessageContaining(WasiResult run, String text) {
        return new ShouldHaveEnded(run, "trap with a message containing:%n  %s", text);
    }

    /**
     * A call of an instance's function did not return {@code expected}.
     *
     * @param run the call
     * @param expected the values expected
     * @return the message; never {@code null}
     * @since 0.1
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static ErrorMessageFactory shouldHaveReturned(WasiResult run, List<? extends Number> expected) {
        return new ShouldHaveEnded(run, "return:%n  %s", expected);
    }

    /**
     * A typed call did not return {@code expected}.
     *
     * @param run the call
     * @param expected the value it should have returned
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveReturnedValue(WasiResult run, Object expected) {
        return new ShouldHaveEnded(run, "return the value:%n  %s", expected);
    }

    /**
     * The guest did not time out.
     *
     * @param run the run
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldTimeOut(WasiResult run) {
        return new ShouldHaveEnded(run, "time out");
    }
}
