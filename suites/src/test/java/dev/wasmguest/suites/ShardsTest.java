package dev.wasmguest.suites;

import static dev.wasmguest.suites.WasiSuitesEngineTest.GUESTS;
import static dev.wasmguest.suites.WasiSuitesEngineTest.OPS;
import static dev.wasmguest.suites.WasiSuitesEngineTest.OWN;
import static dev.wasmguest.suites.WasiSuitesEngineTest.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.wasmguest.internal.suite.Json;
import dev.wasmguest.internal.suite.ShardReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code wasmguest.suites.shard=k/n}: n shards run every case of the suites exactly once, each shard's report says
 * which it is, and the merged reports are the report of the whole run.
 */
class ShardsTest {

    private static final int SHARDS = 3;

    @TempDir
    Path work;

    @Test
    void theShardsRunEveryCaseOnceAndTheirMergedReportIsTheWholeRunsReport() throws IOException {
        List<String> whole = casesRun(run(work.resolve("whole.json"), null));
        List<String> union = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        for (int index = 1; index <= SHARDS; index++) {
            Path report = work.resolve("shard-" + index + ".json");
            List<String> cases = casesRun(run(report, index + "/" + SHARDS));
            assertThat(cases).as("shard %d/%d runs some cases", index, SHARDS).isNotEmpty();
            assertThat(object(Json.parse(Files.readString(report))).get("shard"))
                    .isEqualTo(Map.of("index", (long) index, "count", (long) SHARDS));
            union.addAll(cases);
            reports.add(report);
        }
        assertThat(union).as("every case once").hasSize(whole.size()).containsExactlyInAnyOrderElementsOf(whole);

        Map<String, Object> merged =
                object(Json.parse(ShardReports.merge(List.of(reports.get(2), reports.get(0), reports.get(1)))));
        Map<String, Object> wholeReport = object(Json.parse(Files.readString(work.resolve("whole.json"))));
        assertThat(merged)
                .containsEntry("merged_shards", (long) SHARDS)
                .containsEntry("runtime", wholeReport.get("runtime"));
        assertThat(summary(merged)).isEqualTo(summary(wholeReport));
    }

    @Test
    void theSameShardRunsTheSameCases() {
        assertThat(casesRun(run(work.resolve("a.json"), "2/5")))
                .isEqualTo(casesRun(run(work.resolve("b.json"), "2/5")));
    }

    @Test
    void reportsThatAreNotOneRunsShardsAreNotMerged() throws IOException {
        Path first = work.resolve("1.json");
        Path second = work.resolve("2.json");
        Path whole = work.resolve("whole.json");
        run(first, "1/2");
        run(second, "2/2");
        run(whole, null);

        assertThatThrownBy(() -> ShardReports.merge(List.of(first))).hasMessage("shard 2/2 is missing: given 1/2");
        assertThatThrownBy(() -> ShardReports.merge(List.of(first, first)))
                .hasMessage("shard 1/2 is given twice: " + first + " and " + first);
        assertThatThrownBy(() -> ShardReports.merge(List.of(first, whole)))
                .hasMessageStartingWith(whole + " is not a shard's report");
        Path twice = Files.writeString(
                work.resolve("twice.json"), Files.readString(first).replace("\"index\": 1", "\"index\": 2"));
        assertThatThrownBy(() -> ShardReports.merge(List.of(first, twice)))
                .hasMessageContaining("is in the reports of shards 1/2 and 2/2");
        Path ofThree = Files.writeString(
                work.resolve("of3.json"), Files.readString(second).replace("\"count\": 2", "\"count\": 3"));
        assertThatThrownBy(() -> ShardReports.merge(List.of(first, ofThree)))
                .hasMessage(ofThree + " is shard 2/3, but " + first + " is of 2 shards");
    }

    @Test
    void aMalformedShardNamesTheKey() {
        assertThatThrownBy(() -> engine().configurationParameter(Constants.SHARD, "4/3")
                        .selectors(selectDirectory(OPS.toFile()))
                        .execute())
                .hasMessage("TestEngine with ID 'wasmguest-suites' failed to discover tests")
                .hasRootCauseMessage("wasmguest.suites.shard=\"4/3\" (JUnit configuration parameter) is invalid:"
                        + " expected k/n with 1 <= k <= n, such as 2/4 (the second of four shards)");
    }

    private EngineExecutionResults run(Path report, String shard) {
        EngineTestKit.Builder builder = engine().configurationParameter(Constants.REPORT, report.toString())
                .configurationParameter(
                        Constants.EXPECTATIONS, GUESTS.resolve("suite.toml").toString())
                .configurationParameter(Constants.TIMEOUT, "PT1S");
        if (shard != null) {
            builder = builder.configurationParameter(Constants.SHARD, shard);
        }
        return builder.selectors(selectDirectory(OWN.toFile()), selectDirectory(OPS.toFile()))
                .execute();
    }

    private static List<String> casesRun(EngineExecutionResults results) {
        return results.testEvents().finished().stream()
                .map(Event::getTestDescriptor)
                .map(test -> test.getDisplayName())
                .sorted()
                .collect(Collectors.toList());
    }

    /** Per suite: its counts and its cases' names and outcomes. */
    private static Map<String, Object> summary(Map<String, Object> report) {
        Map<String, Object> summary = new TreeMap<>();
        for (Object each : (List<?>) report.get("results")) {
            Map<String, Object> suite = object(each);
            summary.put(
                    (String) suite.get("name"),
                    List.of(
                            suite.get("passed"),
                            suite.get("failed"),
                            suite.get("skipped"),
                            ((List<?>) suite.get("tests"))
                                    .stream()
                                            .map(test -> object(test).get("name") + "="
                                                    + object(test).get("outcome"))
                                            .sorted()
                                            .collect(Collectors.toList())));
        }
        return summary;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        assertThat(json).isInstanceOf(Map.class);
        return (Map<String, Object>) json;
    }
}
