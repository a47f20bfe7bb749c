package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Merges the JSON reports of the shards of a suite run ({@code wasmguest.suites.shard=k/n}, one per CI job) into
 * the report of the whole run, in the same schema: a suite's counts and durations are summed and its cases listed
 * by name; the run started when the first shard started and finished when the last finished. The reports must be
 * those of shards 1 to n of one n, each once, of one runtime, with no case in two of them: otherwise nothing is
 * merged and the message says which shard or case is wrong.
 */
@API(status = INTERNAL, since = "0.1")
public final class ShardReports {

    private ShardReports() {}

    /**
     * The whole run's report, from its shards' report files.
     *
     * @throws IllegalArgumentException naming the file, shard or case that keeps the reports from being one run's
     * @throws UncheckedIOException when a file cannot be read
     */
    public static String merge(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no shard reports given");
        }
        Map<Integer, Map<String, Object>> byShard = new TreeMap<>();
        Map<Integer, Path> fileOf = new TreeMap<>();
        int count = -1;
        for (Path file : files) {
            Map<String, Object> report = JsonFields.object(parse(file), file.toString());
            Map<String, Object> shard = shardOf(report, file);
            int index = number(shard, "index", file);
            int of = number(shard, "count", file);
            if (count != -1 && of != count) {
                throw new IllegalArgumentException(file + " is shard " + index + "/" + of + ", but "
                        + fileOf.values().iterator().next() + " is of " + count + " shards");
            }
            count = of;
            Path earlier = fileOf.put(index, file);
            if (earlier != null) {
                throw new IllegalArgumentException(
                        "shard " + index + "/" + count + " is given twice: " + earlier + " and " + file);
            }
            byShard.put(index, report);
        }
        for (int index = 1; index <= count; index++) {
            if (!byShard.containsKey(index)) {
                int of = count;
                throw new IllegalArgumentException("shard " + index + "/" + count + " is missing: given "
                        + fileOf.keySet().stream()
                                .map(given -> given + "/" + of)
                                .collect(Collectors.joining(", ")));
            }
        }
        return Json.write(merged(byShard, fileOf, count)) + "\n";
    }

    private static Map<String, Object> merged(
            Map<Integer, Map<String, Object>> byShard, Map<Integer, Path> fileOf, int count) {
        Instant start = null;
        Instant finish = null;
        Object runtime = null;
        Map<String, Map<String, Object>> suites = new LinkedHashMap<>();
        Map<String, Integer> shardOfCase = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, Object>> shard : byShard.entrySet()) {
            Path file = fileOf.get(shard.getKey());
            Map<String, Object> report = shard.getValue();
            Map<String, Object> execution = JsonFields.object(report.get("execution"), file + ": execution");
            start = earliest(start, Instant.parse(text(execution, "start_timestamp", file)));
            finish = latest(finish, Instant.parse(text(execution, "finish_timestamp", file)));
            if (runtime != null && !runtime.equals(report.get("runtime"))) {
                throw new IllegalArgumentException(
                        file + " ran " + report.get("runtime") + ", another shard " + runtime);
            }
            runtime = report.get("runtime");
            for (Object each : JsonFields.list(report.get("results"), file + ": results")) {
                Map<String, Object> suite = JsonFields.object(each, file + ": a result");
                String name = text(suite, "name", file);
                Map<String, Object> into = suites.computeIfAbsent(name, any -> emptySuite(name));
                for (String counter : List.of("failed", "skipped", "passed")) {
                    into.merge(counter, number(suite, counter, file), (a, b) -> (Integer) a + (Integer) b);
                }
                into.merge("duration_s", decimal(suite.get("duration_s")), (a, b) -> (Double) a + (Double) b);
                for (Object test : JsonFields.list(suite.get("tests"), file + ": tests of " + name)) {
                    String caseName = text(JsonFields.object(test, file + ": a test"), "name", file);
                    Integer other = shardOfCase.put(name + "\n" + caseName, shard.getKey());
                    if (other != null) {
                        throw new IllegalArgumentException("case " + caseName + " of suite \"" + name
                                + "\" is in the reports of shards " + other + "/" + count + " and " + shard.getKey()
                                + "/" + count + ": were they run on different suites?");
                    }
                    testsOf(into).add(test);
                }
            }
        }
        suites.values()
                .forEach(suite -> testsOf(suite)
                        .sort(Comparator.comparing(test -> String.valueOf(((Map<?, ?>) test).get("name")))));
        Map<String, Object> whole = new LinkedHashMap<>();
        Map<String, Object> execution = new LinkedHashMap<>();
        execution.put("start_timestamp", Objects.requireNonNull(start).toString());
        execution.put("finish_timestamp", Objects.requireNonNull(finish).toString());
        whole.put("execution", execution);
        whole.put("runtime", runtime);
        whole.put("merged_shards", count);
        whole.put("results", new ArrayList<>(suites.values()));
        return whole;
    }

    private static Map<String, Object> emptySuite(String name) {
        Map<String, Object> suite = new LinkedHashMap<>();
        suite.put("name", name);
        suite.put("duration_s", 0.0);
        suite.put("failed", 0);
        suite.put("skipped", 0);
        suite.put("passed", 0);
        suite.put("tests", new ArrayList<>());
        return suite;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> testsOf(Map<String, Object> suite) {
        return (List<Object>) suite.get("tests");
    }

    private static Map<String, Object> shardOf(Map<String, Object> report, Path file) {
        Object shard = report.get("shard");
        if (shard == null) {
            throw new IllegalArgumentException(file + " is not a shard's report: it has no \"shard\" (was "
                    + "wasmguest.suites.shard set for its run?)");
        }
        return JsonFields.object(shard, file + ": shard");
    }

    private static Object parse(Path file) {
        try {
            return Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shard report " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> object, String field, Path file) {
        if (object.get(field) instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException(file + ": \"" + field + "\" must be a string");
    }

    private static int number(Map<String, Object> object, String field, Path file) {
        if (object.get(field) instanceof Long number && number >= 0 && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw new IllegalArgumentException(file + ": \"" + field + "\" must be a whole number");
    }

    private static double decimal(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0.0;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
