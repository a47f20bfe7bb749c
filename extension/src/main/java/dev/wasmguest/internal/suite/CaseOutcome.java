package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * How a case ended, its expectation weighed in: what test reports and the suites' JSON report say of it.
 *
 * @param message why the case did not pass, for the test's failure or skip; empty when it passed
 * @param verdict the run's verdict, when the case ran
 * @param failure the exception to report, when the case failed for another reason than its run (a malformed spec,
 *     a module that cannot be loaded)
 */
@API(status = INTERNAL, since = "0.1")
public record CaseOutcome(
        Status status, String message, Optional<CaseVerdict> verdict, Optional<RuntimeException> failure) {

    public enum Status {
        PASSED,
        FAILED,
        /** Failed, as its expectation said it would. */
        EXPECTED_FAILURE,
        /** Passed, although its expectation said it would fail: the expectation is stale. */
        UNEXPECTED_PASS,
        SKIPPED
    }

    static CaseOutcome skipped(String reason) {
        return new CaseOutcome(Status.SKIPPED, reason, Optional.empty(), Optional.empty());
    }

    static CaseOutcome broken(RuntimeException cause) {
        return new CaseOutcome(Status.FAILED, cause.getMessage(), Optional.empty(), Optional.of(cause));
    }

    static CaseOutcome of(CaseVerdict verdict, Expectation expectation) {
        boolean expectedToFail = expectation.kind() == Expectation.Kind.FAIL;
        if (verdict.passed()) {
            return expectedToFail
                    ? new CaseOutcome(
                            Status.UNEXPECTED_PASS,
                            "case " + verdict.spec().name() + " now passes: delete its expected failure, "
                                    + expectation.entry() + ", at " + expectation.origin(),
                            Optional.of(verdict),
                            Optional.empty())
                    : new CaseOutcome(Status.PASSED, "", Optional.of(verdict), Optional.empty());
        }
        return expectedToFail
                ? new CaseOutcome(
                        Status.EXPECTED_FAILURE,
                        "expected failure (listed in " + expectation.describe() + "): " + verdict.firstProblem(),
                        Optional.of(verdict),
                        Optional.empty())
                : new CaseOutcome(Status.FAILED, verdict.message(), Optional.of(verdict), Optional.empty());
    }

    /**
     * The failures of this case as the upstream JSON report lists them: one message each, ending with the command
     * that reproduces the case.
     */
    public List<String> failures() {
        return switch (status) {
            case PASSED, SKIPPED -> List.of();
            case UNEXPECTED_PASS -> List.of(message);
            case FAILED, EXPECTED_FAILURE ->
                verdict.map(CaseOutcome::withReproduction).orElse(List.of(message));
        };
    }

    private static List<String> withReproduction(CaseVerdict verdict) {
        return verdict.problems().stream()
                .map(problem -> problem + "\nReproduce it outside JUnit: " + verdict.reproduce())
                .toList();
    }

    /**
     * Reports this outcome to the test framework: returns when the case passed, else throws what the JUnit
     * Platform reports as a failure ({@link AssertionFailedError}, with expected and actual stdout when only stdout
     * differs) or a skip ({@link TestAbortedException}).
     */
    public void report() {
        switch (status) {
            case PASSED -> {}
            case SKIPPED, EXPECTED_FAILURE -> throw new TestAbortedException(message);
            case UNEXPECTED_PASS -> throw new AssertionFailedError(message);
            case FAILED -> {
                if (failure.isPresent()) {
                    throw failure.get();
                }
                Optional<List<String>> stdout = verdict.flatMap(CaseVerdict::stdoutDifference);
                throw stdout.isPresent()
                        ? new AssertionFailedError(
                                message, stdout.get().get(0), stdout.get().get(1))
                        : new AssertionFailedError(message);
            }
        }
    }
}
