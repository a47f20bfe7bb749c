package dev.wasmguest.suites.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.load.RuntimeVersion;
import dev.wasmguest.internal.suite.CaseOutcome;
import dev.wasmguest.internal.suite.Json;
import dev.wasmguest.internal.suite.Shard;
import dev.wasmguest.internal.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The JSON report in the upstream runner's schema: when the run started and finished, the runtime, and per suite
 * its duration, counts and cases ({@code name}, {@code executed}, {@code duration_s}, {@code wasi_functions},
 * {@code failures}), plus each case's {@code outcome} in words, which the upstream schema leaves to be derived.
 * Expected failures count as skipped, as JUnit reports them; an unexpected pass counts as failed. A shard's report
 * says which shard it is ({@code "shard": {"index": 2, "count": 4}}), for {@code ShardReports} to merge. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class SuiteReport {

    /** One case's entry. */
    record Case(
            String name,
            CaseOutcome.Status status,
            Duration duration,
            List<String> wasiFunctions,
            List<String> failures) {}

    private final Instant started = Instant.now();
    private final Optional<Shard> shard;
    private final Map<String, List<Case>> casesBySuite = new LinkedHashMap<>();
    private final Map<String, Duration> suiteDurations = new LinkedHashMap<>();

    /** @param shard the shard of the cases this run ran, if it ran one */
    SuiteReport(Optional<Shard> shard) {
        this.shard = shard;
    }

    synchronized void suite(String name, Duration duration) {
        casesBySuite.computeIfAbsent(name, any -> new ArrayList<>());
        suiteDurations.merge(name, duration, Duration::plus);
    }

    synchronized void add(String suite, Case entry) {
        casesBySuite.computeIfAbsent(suite, any -> new ArrayList<>()).add(entry);
    }

    /** Writes the report to {@code file} whole, through a temporary file beside it, creating its directory. */
    synchronized void write(Path file) {
        try {
            AtomicFiles.write(file, json().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the suites report " + file.toAbsolutePath(), e);
        }
    }

    String json() {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"execution\": {\"start_timestamp\": ")
                .append(Json.quote(timestamp(started)))
                .append(", \"finish_timestamp\": ")
                .append(Json.quote(timestamp(Instant.now())))
                .append("},\n");
        json.append("  \"runtime\": {\"name\": \"wasmguest\", \"version\": ")
                .append(Json.quote(RuntimeVersion.versionLine().substring("wasmguest ".length())))
                .append("},\n");
        shard.ifPresent(ran -> json.append("  \"shard\": {\"index\": ")
                .append(ran.index())
                .append(", \"count\": ")
                .append(ran.count())
                .append("},\n"));
        json.append("  \"results\": [");
        Iterator<Map.Entry<String, List<Case>>> suites = casesBySuite.entrySet().iterator();
        while (suites.hasNext()) {
            Map.Entry<String, List<Case>> suite = suites.next();
            appendSuite(json, suite.getKey(), suite.getValue());
            json.append(suites.hasNext() ? "," : "");
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private void appendSuite(StringBuilder json, String name, List<Case> cases) {
        long failed = cases.stream()
                .filter(entry -> entry.status() == CaseOutcome.Status.FAILED
                        || entry.status() == CaseOutcome.Status.UNEXPECTED_PASS)
                .count();
        long passed = cases.stream()
                .filter(entry -> entry.status() == CaseOutcome.Status.PASSED)
                .count();
        json.append("\n    {\"name\": ")
                .append(Json.quote(name))
                .append(", \"duration_s\": ")
                .append(seconds(suiteDurations.getOrDefault(name, Duration.ZERO)))
                .append(", \"failed\": ")
                .append(failed)
                .append(", \"skipped\": ")
                .append(cases.size() - failed - passed)
                .append(", \"passed\": ")
                .append(passed)
                .append(", \"tests\": [");
        for (int index = 0; index < cases.size(); index++) {
            Case entry = cases.get(index);
            json.append(index == 0 ? "\n" : ",\n")
                    .append("      {\"name\": ")
                    .append(Json.quote(entry.name()))
                    .append(", \"executed\": ")
                    .append(entry.status() != CaseOutcome.Status.SKIPPED)
                    .append(", \"outcome\": ")
                    .append(Json.quote(entry.status().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(", \"duration_s\": ")
                    .append(seconds(entry.duration()))
                    .append(", \"wasi_functions\": ")
                    .append(array(entry.wasiFunctions()))
                    .append(", \"failures\": ")
                    .append(array(entry.failures()))
                    .append("}");
        }
        json.append(cases.isEmpty() ? "]}" : "\n    ]}");
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String seconds(Duration duration) {
        return String.valueOf(duration.toNanos() / 1e9);
    }

    private static String array(List<String> texts) {
        List<String> quoted = new ArrayList<>();
        texts.forEach(text -> quoted.add(Json.quote(text)));
        return "[" + String.join(", ", quoted) + "]";
    }
}
