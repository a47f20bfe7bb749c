package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Which lines of a guest's source and which of its functions one run reached, and how often: what {@link
 * WasiResult#coverage()} holds when coverage is on ({@code wasmguest.coverage.dir}, see {@link
 * WasmGuestSetting#COVERAGE_DIR}).
 *
 * <p>What is counted: a line's count is the number of times the run entered code attributed to it by the module's
 * DWARF line table ({@code .debug_line}); where a line's code is entered at several places (a {@code for} line's
 * start, test and step), the largest of their counts. A function's count is how often it was entered. Functions come
 * from the name section (demangled where cheap); a module without line tables gets function counts only. Immutable.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WasiCoverage {

    /**
     * A source line with code: its file as the line table names it, its number and how often the run reached it.
     *
     * @param file the path the line table gives, often relative to the directory it was compiled in
     * @param line the line number, from 1
     * @param hits how often code attributed to it was entered
     */
    public record Line(String file, int line, long hits) {
        /**
         * A source line and its count.
         *
         * @param file the path the line table gives
         * @param line the line number
         * @param hits how often it was reached
         * @throws NullPointerException when {@code file} is {@code null}
         */
        public Line {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * A function of the module.
     *
     * @param index its index in the module's function space
     * @param name its name from the name section, demangled where cheap, else {@code wasm-function[index]}
     * @param file the source file of its first line; empty when the line table says nothing of it
     * @param line its first line; 0 when the line table says nothing of it
     * @param calls how often the run entered it
     */
    public record Function(int index, String name, Optional<String> file, int line, long calls) {
        /**
         * A function and its count.
         *
         * @param index its index in the module's function space
         * @param name its name
         * @param file the source file of its first line, if known
         * @param line its first line; 0 when not known
         * @param calls how often it was entered
         * @throws NullPointerException when {@code name} or {@code file} is {@code null}
         */
        public Function {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
        }
    }

    private final List<Line> lines;
    private final List<Function> functions;

    private WasiCoverage(List<Line> lines, List<Function> functions) {
        this.lines = List.copyOf(lines);
        this.functions = List.copyOf(functions);
    }

    /**
     * Coverage made of these lines and functions; for wasmguest's own use.
     *
     * @param lines every source line with code
     * @param functions every function the module defines
     * @return the coverage
     */
    @API(status = INTERNAL, since = "0.1")
    public static WasiCoverage of(List<Line> lines, List<Function> functions) {
        return new WasiCoverage(lines, functions);
    }

    /**
     * Every source line with code, by file then line; reached or not.
     *
     * @return the lines; never {@code null}
     */
    public List<Line> lines() {
        return lines;
    }

    /**
     * Every function the module defines (imports are not counted), by index; reached or not.
     *
     * @return the functions; never {@code null}
     */
    public List<Function> functions() {
        return functions;
    }

    /**
     * The source files the line table names, sorted.
     *
     * @return the files; empty for a module without a line table
     */
    public Set<String> files() {
        Set<String> files = new TreeSet<>();
        lines.forEach(line -> files.add(line.file()));
        return files;
    }

    /**
     * How often the run reached a line; empty when no code is attributed to it.
     *
     * @param file the file as the line table names it, or its end after a {@code /}: {@code "main.c"} matches
     *        {@code ./src/main.c}
     * @param line the line, from 1
     * @return how often, the most of any file that matches; empty when no code is attributed to the line
     */
    public OptionalLong lineHits(String file, int line) {
        return lines.stream()
                .filter(candidate -> candidate.line() == line && sameFile(candidate.file(), file))
                .mapToLong(Line::hits)
                .max();
    }

    /**
     * Whether the run reached the line: code attributed to it ran at least once.
     *
     * @param file the file, or its end, as for {@link #lineHits(String, int)}
     * @param line the line, from 1
     * @return whether it did
     */
    public boolean reachedLine(String file, int line) {
        return lineHits(file, line).orElse(0) > 0;
    }

    /**
     * How often the run entered the function; empty when the module has no function of that name.
     *
     * @param name its demangled name (as {@link Function#name()} has it)
     * @return how often, summed over the functions of that name; empty when there is none
     */
    public OptionalLong functionCalls(String name) {
        return functions.stream()
                .filter(function -> function.name().equals(name))
                .mapToLong(Function::calls)
                .reduce(Long::sum);
    }

    /**
     * Whether the run entered the function at least once.
     *
     * @param name its demangled name
     * @return whether it did
     */
    public boolean reachedFunction(String name) {
        return functionCalls(name).orElse(0) > 0;
    }

    private static boolean sameFile(String named, String asked) {
        return named.equals(asked) || named.endsWith("/" + asked);
    }

    @Override
    public String toString() {
        long reachedLines = lines.stream().filter(line -> line.hits() > 0).count();
        long reachedFunctions =
                functions.stream().filter(function -> function.calls() > 0).count();
        return "coverage: " + reachedLines + " of " + lines.size() + " lines, " + reachedFunctions + " of "
                + functions.size() + " functions reached";
    }
}
