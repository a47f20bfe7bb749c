package dev.wasmguest.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.WasiResult;
import java.time.Duration;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

/** The message of a run that took longer than expected. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ShouldFinishWithin extends RunErrorMessageFactory {

    private ShouldFinishWithin(WasiResult run, Duration max) {
        super(
                run,
                "%nExpecting the run to finish within:%n  %s ms%nbut it took:%n  %s ms",
                verbatim("" + max.toMillis()),
                verbatim("" + run.duration().toMillis()));
    }

    /**
     * The run took longer than {@code max}.
     *
     * @param run the run
     * @param max the longest it should have taken
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldFinishWithin(WasiResult run, Duration max) {
        return new ShouldFinishWithin(run, max);
    }
}
