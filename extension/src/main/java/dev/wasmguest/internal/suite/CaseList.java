package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apiguardian.api.API;

/** A list of case names, one per line; blank lines and text after {@code #} are ignored. */
@API(status = INTERNAL, since = "0.1")
public record CaseList(Path file, Set<String> names) {

    public static CaseList read(Path file) {
        try {
            Set<String> names = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file)) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return new CaseList(file, names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case list " + file, e);
        }
    }

    public static CaseList empty() {
        return new CaseList(null, Set.of());
    }

    public boolean contains(String name) {
        return names.contains(name);
    }
}
