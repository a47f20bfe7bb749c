package dev.wasmguest.internal.coverage;

import dev.wasmguest.WasiCoverage;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Coverage merged over runs, by source file, as an LCOV tracefile holds it: each line's hits and each function's
 * first line and calls, summed. Reads and writes the LCOV records wasmguest writes ({@code SF}, {@code FN},
 * {@code FNDA}, {@code DA}, with their {@code FNF}/{@code FNH}/{@code LF}/{@code LH} totals). Not thread-safe.
 */
final class LcovData {

    /** One source file's counts. */
    static final class SourceFile {
        final TreeMap<Integer, Long> lines = new TreeMap<>();
        final TreeMap<String, Integer> functionLines = new TreeMap<>();
        final TreeMap<String, Long> functionCalls = new TreeMap<>();

        void function(String name, int line, long calls) {
            functionLines.putIfAbsent(name, line);
            functionCalls.merge(name, calls, Long::sum);
        }

        long linesHit() {
            return lines.values().stream().filter(hits -> hits > 0).count();
        }

        long functionsHit() {
            return functionCalls.values().stream().filter(calls -> calls > 0).count();
        }
    }

    private final TreeMap<String, SourceFile> files = new TreeMap<>();

    Map<String, SourceFile> files() {
        return files;
    }

    /**
     * Adds one run's coverage. Functions without source lines are listed under {@code module} when the module has no
     * line table at all (function coverage from the name section), and left out when it has one (code such as a
     * C library built without debug information has no source to show).
     */
    void add(String module, WasiCoverage coverage) {
        for (WasiCoverage.Line line : coverage.lines()) {
            file(line.file()).lines.merge(line.line(), line.hits(), Long::sum);
        }
        boolean hasLines = !coverage.lines().isEmpty();
        for (WasiCoverage.Function function : coverage.functions()) {
            Optional<String> file = function.file().or(() -> hasLines ? Optional.empty() : Optional.of(module));
            file.ifPresent(name -> file(name).function(function.name(), function.line(), function.calls()));
        }
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** Adds the counts of another. */
    void add(LcovData other) {
        other.files.forEach((name, theirs) -> {
            SourceFile ours = file(name);
            theirs.lines.forEach((line, hits) -> ours.lines.merge(line, hits, Long::sum));
            theirs.functionLines.forEach(ours.functionLines::putIfAbsent);
            theirs.functionCalls.forEach((function, calls) -> ours.functionCalls.merge(function, calls, Long::sum));
        });
    }

    private SourceFile file(String name) {
        return files.computeIfAbsent(name, unused -> new SourceFile());
    }

    /** Adds the records of an LCOV tracefile; lines of other record types are skipped. */
    void read(String lcov) {
        SourceFile current = null;
        for (String line : lcov.split("\n", -1)) {
            int colon = line.indexOf(':');
            String kind = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            switch (kind) {
                case "SF" -> current = file(value);
                case "end_of_record" -> current = null;
                case "FN" -> {
                    if (current != null) {
                        int comma = value.indexOf(',');
                        current.functionLines.putIfAbsent(
                                value.substring(comma + 1), Integer.parseInt(value.substring(0, comma)));
                    }
                }
                case "FNDA" -> {
                    if (current != null) {
                        int comma = value.indexOf(',');
                        current.functionCalls.merge(
                                value.substring(comma + 1), Long.parseLong(value.substring(0, comma)), Long::sum);
                    }
                }
                case "DA" -> {
                    if (current != null) {
                        String[] fields = value.split(",");
                        current.lines.merge(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), Long::sum);
                    }
                }
                default -> {
                    // TN, totals and anything else: recomputed on writing
                }
            }
        }
    }

    /** The tracefile. */
    String lcov() {
        StringBuilder out = new StringBuilder();
        files.forEach((name, file) -> {
            out.append("TN:\nSF:").append(name).append('\n');
            file.functionLines.forEach((function, line) ->
                    out.append("FN:").append(line).append(',').append(function).append('\n'));
            file.functionCalls.forEach((function, calls) -> out.append("FNDA:")
                    .append(calls)
                    .append(',')
                    .append(function)
                    .append('\n'));
            out.append("FNF:").append(file.functionCalls.size()).append('\n');
            out.append("FNH:").append(file.functionsHit()).append('\n');
            file.lines.forEach((line, hits) ->
                    out.append("DA:").append(line).append(',').append(hits).append('\n'));
            out.append("LF:").append(file.lines.size()).append('\n');
            out.append("LH:").append(file.linesHit()).append('\n');
            out.append("end_of_record\n");
        });
        return out.toString();
    }
}
