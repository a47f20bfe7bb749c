package dev.wasmguest.internal.coverage;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiCoverage;
import dev.wasmguest.internal.trace.SourceLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What the counters of an instrumented module stand for: counter {@code i} is the mutable {@code i64} global
 * {@code firstGlobal + i}, which the module adds 1 to each time it enters a stretch of code; each counter belongs to
 * one function and counts for the source lines its stretch holds code of (none where the line table says nothing).
 * Immutable and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class CoverageMap {

    private final String module;
    private final int firstGlobal;
    private final int[] counterFunction;
    private final SourceLine[][] counterLines;
    private final List<DefinedFunction> functions;

    /** A function the module defines, its entry counter, and its name if the name section has one. */
    private record DefinedFunction(int index, Optional<String> name, int entryCounter) {}

    private CoverageMap(
            String module,
            int firstGlobal,
            int[] counterFunction,
            SourceLine[][] counterLines,
            List<DefinedFunction> functions) {
        this.module = module;
        this.firstGlobal = firstGlobal;
        this.counterFunction = counterFunction;
        this.counterLines = counterLines;
        this.functions = List.copyOf(functions);
    }

    /** The module's name, as its runs' results give it. */
    public String module() {
        return module;
    }

    /** The index of the global that is counter 0. */
    public int firstGlobal() {
        return firstGlobal;
    }

    public int counters() {
        return counterLines.length;
    }

    /**
     * One run's coverage from its counters' values.
     *
     * @param counts by counter
     */
    public WasiCoverage coverage(long[] counts) {
        Map<SourceLine, Long> lines = new HashMap<>();
        Map<Integer, SourceLine> firstLines = new HashMap<>();
        for (int counter = 0; counter < counterLines.length; counter++) {
            for (SourceLine line : counterLines[counter]) {
                lines.merge(line, counts[counter], Math::max);
                firstLines.putIfAbsent(counterFunction[counter], line);
            }
        }
        List<WasiCoverage.Line> covered = new ArrayList<>();
        lines.forEach((line, hits) -> covered.add(new WasiCoverage.Line(line.file(), line.line(), hits)));
        covered.sort(Comparator.comparing(WasiCoverage.Line::file).thenComparingInt(WasiCoverage.Line::line));
        List<WasiCoverage.Function> entered = new ArrayList<>();
        for (DefinedFunction function : functions) {
            Optional<SourceLine> first = Optional.ofNullable(firstLines.get(function.index()));
            entered.add(new WasiCoverage.Function(
                    function.index(),
                    function.name().orElse("wasm-function[" + function.index() + "]"),
                    first.map(SourceLine::file),
                    first.map(SourceLine::line).orElse(0),
                    counts[function.entryCounter()]));
        }
        return WasiCoverage.of(covered, entered);
    }

    /** Collects counters in the order the instrumentation places them. */
    public static final class Builder {

        private final String module;
        private final int firstGlobal;
        private final List<Integer> counterFunction = new ArrayList<>();
        private final List<Set<SourceLine>> counterLines = new ArrayList<>();
        private final List<DefinedFunction> functions = new ArrayList<>();

        public Builder(String module, int firstGlobal) {
            this.module = module;
            this.firstGlobal = firstGlobal;
        }

        public int firstGlobal() {
            return firstGlobal;
        }

        /** The next counter: the entry of {@code function}, which has this name, if any; its index. */
        public int entry(int function, Optional<String> name) {
            functions.add(new DefinedFunction(function, name, counterLines.size()));
            return counter(function);
        }

        /** The next counter: a stretch of {@code function}'s code; its index. */
        public int counter(int function) {
            counterFunction.add(function);
            counterLines.add(new LinkedHashSet<>());
            return counterLines.size() - 1;
        }

        /** Adds to a counter the lines its stretch holds code of. */
        public Consumer<SourceLine> lineOf(int counter) {
            return counterLines.get(counter)::add;
        }

        public CoverageMap build() {
            return new CoverageMap(
                    module,
                    firstGlobal,
                    counterFunction.stream().mapToInt(Integer::intValue).toArray(),
                    counterLines.stream()
                            .map(lines -> lines.toArray(SourceLine[]::new))
                            .toArray(SourceLine[][]::new),
                    functions);
        }
    }
}
