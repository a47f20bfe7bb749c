package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.util.Excerpts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * How one run of a case compared with its spec.
 *
 * @param problems what differs from the spec, one sentence each; empty when the case passed
 * @param reproduce the shell command that runs the case again outside JUnit
 */
@API(status = INTERNAL, since = "0.1")
public record CaseVerdict(CaseSpec spec, String suiteName, WasiResult result, List<String> problems, String reproduce) {

    public CaseVerdict {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /** Everything at once: what differs, the whole context of the run, and how to run it again. */
    public String message() {
        return "Case " + spec.name() + " of suite \"" + suiteName + "\" failed:\n  " + String.join("\n  ", problems)
                + "\n" + context() + "\n\nReproduce it outside JUnit:\n  " + reproduce;
    }

    /** The one line that says how the case failed, for expected-failure reports. */
    public String firstProblem() {
        return problems.isEmpty() ? "" : problems.get(0).lines().findFirst().orElse("");
    }

    /**
     * When the only problem is stdout, its expected text and as much of the actual as may match: IDEs show the two
     * side by side.
     */
    public Optional<List<String>> stdoutDifference() {
        if (problems.size() != 1 || spec.stdout().isEmpty() || !problems.get(0).startsWith("stdout")) {
            return Optional.empty();
        }
        String expected = CaseRunner.normalize(spec.stdout().get());
        String actual = CaseRunner.normalize(result.stdout());
        return Optional.of(List.of(expected, actual.substring(0, Math.min(actual.length(), expected.length()))));
    }

    private String context() {
        String fixtures = Stream.concat(spec.dirs().stream(), spec.root().map(root -> root + " (as /)").stream())
                .collect(Collectors.joining(", "));
        return "\nCase " + spec.name() + "\n"
                + "  module:   " + spec.module() + "\n"
                + "  spec:     " + spec.specFile().map(Path::toString).orElse("(none: defaults)") + "\n"
                + "  argv:     " + result.argv() + "\n"
                + "  env:      " + result.env().keySet() + "\n"
                + "  fixture:  " + (fixtures.isEmpty() ? "(none)" : fixtures) + "\n"
                + (spec.stdin().isEmpty()
                        ? ""
                        : "  stdin:    " + excerpt(spec.stdin().getBytes(StandardCharsets.UTF_8)) + "\n")
                + "  ended:    " + result.describeOutcome() + "\n"
                + "  stdout:   " + excerpt(result.stdoutBytes()) + "\n"
                + "  stderr:   " + excerpt(result.stderrBytes());
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String excerpt(byte[] bytes) {
        return bytes.length == 0
                ? "(empty)"
                : "\n    | " + Excerpts.headAndTail(bytes, 1000, "\n").replace("\n", "\n    | ");
    }
}
