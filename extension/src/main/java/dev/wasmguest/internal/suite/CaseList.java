package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A plain list of case names, one per line; blank lines and text after {@code #} are ignored.
 *
 * @param lines the line number of each name
 */
@API(status = INTERNAL, since = "0.1")
public record CaseList(Path file, Map<String, Integer> lines) {

    public CaseList {
        lines = Map.copyOf(lines);
    }

    public static CaseList read(Path file) {
        try {
            Map<String, Integer> lines = new LinkedHashMap<>();
            List<String> text = Files.readAllLines(file);
            for (int index = 0; index < text.size(); index++) {
                String line = text.get(index);
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!name.isEmpty()) {
                    lines.putIfAbsent(name, index + 1);
                }
            }
            return new CaseList(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case list " + file, e);
        }
    }

    /** The expectation of {@code kind} this list gives the case {@code name}, when it names it. */
    public Optional<Expectation> expectation(String name, Expectation.Kind kind) {
        return Optional.ofNullable(lines.get(name))
                .map(line ->
                        new Expectation(kind, "line " + line + " of " + file, "\"" + name + "\"", Optional.empty()));
    }
}
