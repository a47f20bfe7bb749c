package dev.wasmguest.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.WasiResult;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.ErrorMessageFactory;

/** Messages of a run that does not match its snapshots, or whose snapshots cannot be checked. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ShouldMatchSnapshots extends RunErrorMessageFactory {

    private ShouldMatchSnapshots(WasiResult run, String format, Object... arguments) {
        super(run, format, arguments);
    }

    /**
     * Snapshots are missing or differ.
     *
     * @param run the run
     * @param problems one line per snapshot file: missing (and how to create it) or where it differs
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldMatchSnapshots(WasiResult run, List<String> problems) {
        return new ShouldMatchSnapshots(
                run,
                "%nExpecting the run to match its snapshots, but:%n%s",
                verbatim("  " + String.join(System.lineSeparator() + "  ", problems)));
    }

    /**
     * The run's snapshot has no name: the run was neither made by an injected runner nor asserted in a test method.
     *
     * @param run the run
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldHaveSnapshotName(WasiResult run) {
        return new ShouldMatchSnapshots(
                run,
                "%nCannot name the snapshot of this run: it was not made by a runner"
                        + " injected into a test, nor asserted in a test method; use matchesSnapshot(name)");
    }

    /**
     * Snapshots were to be updated where {@code CI=true}.
     *
     * @param run the run
     * @return the message; never {@code null}
     */
    public static ErrorMessageFactory shouldNotUpdateInCi(WasiResult run) {
        return new ShouldMatchSnapshots(
                run,
                "%nRefusing to update snapshots because CI=true: updating them in CI"
                        + " would accept any change; run the update locally and commit the files");
    }
}
