package dev.wasmguest.internal.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * An expectation file in the upstream runner's TOML format:
 *
 * <pre>
 * version = 1
 *
 * [[suite]]
 * name = "WASI C tests"
 *
 * [[suite.test]]
 * name = "fd_advise"
 * action = "skip"          # do not run it
 * reason = "not on this platform"
 *
 * [[suite.test]]
 * name = "pwrite"
 * expected = "fail"        # run it; it must fail, and a pass says to delete this entry
 * </pre>
 *
 * A key this reader does not know, or a value it does not take, is an error naming the file, the line and the
 * key: an expectation that would be silently ignored is worse than none.
 */
final class TomlExpectations {

    private static final Set<String> TOP_KEYS = Set.of("version", "suite");
    private static final Set<String> SUITE_KEYS = Set.of("name", "test");
    private static final Set<String> TEST_KEYS = Set.of("name", "action", "expected", "reason");

    private final Path file;

    private TomlExpectations(Path file) {
        this.file = file;
    }

    /**
     * The expectations of {@code file}, by suite name and then case name.
     *
     * @throws IllegalArgumentException naming the file, line and key of what is wrong
     */
    static Map<String, Map<String, Expectation>> read(Path file) {
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expectation file " + file, e);
        }
        if (toml.hasErrors()) {
            throw new IllegalArgumentException(
                    file + ": " + toml.errors().get(0).toString());
        }
        return new TomlExpectations(file).suites(toml);
    }

    private Map<String, Map<String, Expectation>> suites(TomlParseResult toml) {
        checkKeys(toml, TOP_KEYS, "");
        Object version = toml.get("version");
        if (!(version instanceof Long given) || given != 1) {
            throw problem(
                    toml.inputPositionOf("version"),
                    "\"version\" must be 1, the format this reader knows; got " + version);
        }
        Map<String, Map<String, Expectation>> suites = new HashMap<>();
        List<TomlTable> suiteTables = tables(toml, "suite");
        for (int index = 0; index < suiteTables.size(); index++) {
            TomlTable suite = suiteTables.get(index);
            checkKeys(suite, SUITE_KEYS, "suite.");
            int number = index + 1;
            String name = text(suite, "name", "suite")
                    .orElseThrow(() -> problem(
                            null, "[[suite]] number " + number + " needs a \"name\": the suite's manifest name"));
            Map<String, Expectation> tests = suites.computeIfAbsent(name, any -> new HashMap<>());
            for (TomlTable test : tables(suite, "test")) {
                Map.Entry<String, Expectation> expectation = test(name, test);
                tests.put(expectation.getKey(), expectation.getValue());
            }
        }
        return suites;
    }

    private Map.Entry<String, Expectation> test(String suite, TomlTable test) {
        checkKeys(test, TEST_KEYS, "suite.test.");
        String name = text(test, "name", "suite.test")
                .orElseThrow(() ->
                        problem(null, "a [[suite.test]] of suite \"" + suite + "\" needs a \"name\": the case's name"));
        TomlPosition at = test.inputPositionOf("name");
        String action = text(test, "action", "suite.test").orElse("run");
        String expected = text(test, "expected", "suite.test").orElse("pass");
        if (!List.of("run", "skip").contains(action)) {
            throw problem(
                    test.inputPositionOf("action"), "\"action\" takes \"run\" or \"skip\", got \"" + action + "\"");
        }
        if (!List.of("pass", "fail").contains(expected)) {
            throw problem(
                    test.inputPositionOf("expected"),
                    "\"expected\" takes \"pass\" or \"fail\", got \"" + expected + "\"");
        }
        Expectation.Kind kind = action.equals("skip")
                ? Expectation.Kind.SKIP
                : expected.equals("fail") ? Expectation.Kind.FAIL : Expectation.Kind.RUN;
        return Map.entry(
                name,
                new Expectation(
                        kind,
                        "line " + at.line() + " of " + file,
                        "the [[suite.test]] with name = \"" + name + "\"",
                        text(test, "reason", "suite.test")));
    }

    private void checkKeys(TomlTable table, Set<String> known, String prefix) {
        for (String key : table.keySet()) {
            if (!known.contains(key)) {
                throw problem(
                        table.inputPositionOf(key),
                        "unknown key \"" + prefix + key + "\"; known: "
                                + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private List<TomlTable> tables(TomlTable parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        String notTables = "\"" + key + "\" must be an array of tables: [[" + key + "]]";
        if (!(value instanceof TomlArray array)) {
            throw problem(parent.inputPositionOf(key), notTables);
        }
        List<TomlTable> tables = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            if (!array.isTable(index)) {
                throw problem(array.inputPositionOf(index), notTables);
            }
            tables.add(array.getTable(index));
        }
        return tables;
    }

    private Optional<String> text(TomlTable table, String key, String where) {
        Object value = table.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String string)) {
            throw problem(table.inputPositionOf(key), "\"" + where + "." + key + "\" must be a string, got " + value);
        }
        return Optional.of(string);
    }

    private IllegalArgumentException problem(TomlPosition position, String message) {
        return new IllegalArgumentException(
                file + (position == null ? "" : " line " + position.line()) + ": " + message);
    }
}
