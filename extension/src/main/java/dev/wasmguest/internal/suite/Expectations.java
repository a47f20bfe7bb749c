package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What expectation files say of each case: the upstream runner's TOML files by suite name, plain lists of expected
 * failures and of skipped cases for every suite. A skip wins over a TOML entry, which wins over an expected failure.
 */
@API(status = INTERNAL, since = "0.1")
public final class Expectations {

    private final Map<String, Map<String, Expectation>> bySuite;
    private final List<CaseList> expectedFailures;
    private final List<CaseList> skipped;

    private Expectations(
            Map<String, Map<String, Expectation>> bySuite, List<CaseList> expectedFailures, List<CaseList> skipped) {
        this.bySuite = bySuite;
        this.expectedFailures = expectedFailures;
        this.skipped = skipped;
    }

    /**
     * @param expectationFiles TOML files ({@code *.toml}) and plain lists of expected failures
     * @param skipLists plain lists of cases to skip
     * @throws IllegalArgumentException naming the file, line and key of a malformed TOML file
     */
    public static Expectations read(List<Path> expectationFiles, List<Path> skipLists) {
        Map<String, Map<String, Expectation>> bySuite = new HashMap<>();
        List<CaseList> expectedFailures = new ArrayList<>();
        for (Path file : expectationFiles) {
            if (file.getFileName().toString().endsWith(".toml")) {
                TomlExpectations.read(file)
                        .forEach((suite, cases) -> bySuite.computeIfAbsent(suite, any -> new HashMap<>())
                                .putAll(cases));
            } else {
                expectedFailures.add(CaseList.read(file));
            }
        }
        return new Expectations(
                bySuite,
                expectedFailures,
                skipLists.stream().map(CaseList::read).toList());
    }

    /** The expectation of case {@code caseName} of the suite named {@code suiteName}. */
    public Expectation of(String suiteName, String caseName) {
        return fromLists(skipped, caseName, Expectation.Kind.SKIP)
                .or(() -> Optional.ofNullable(
                        bySuite.getOrDefault(suiteName, Map.of()).get(caseName)))
                .or(() -> fromLists(expectedFailures, caseName, Expectation.Kind.FAIL))
                .orElse(Expectation.RUN);
    }

    private static Optional<Expectation> fromLists(List<CaseList> lists, String caseName, Expectation.Kind kind) {
        return lists.stream()
                .flatMap(list -> list.expectation(caseName, kind).stream())
                .findFirst();
    }
}
