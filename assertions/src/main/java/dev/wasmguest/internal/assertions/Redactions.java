package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Replaces text that differs from machine to machine before snapshots are compared or written: built in, the
 * working directory ({@code [CWD]}), the temporary directory ({@code [TMP]}) and the home directory
 * ({@code [HOME]}); and the patterns a test adds.
 */
@API(status = INTERNAL, since = "0.1")
public final class Redactions {

    private final List<Rule> rules = new ArrayList<>();

    public Redactions() {
        builtIn(Path.of("").toAbsolutePath().toString(), "[CWD]");
        builtIn(System.getProperty("java.io.tmpdir", ""), "[TMP]");
        builtIn(System.getProperty("user.home", ""), "[HOME]");
        // Longest paths first: the working directory usually lies inside the home directory.
        rules.sort(
                Comparator.comparingInt((Rule rule) -> -rule.pattern.pattern().length()));
    }

    private void builtIn(String path, String name) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (trimmed.length() > 1) {
            rules.add(new Rule(Pattern.compile(Pattern.quote(trimmed)), name));
        }
    }

    /** Adds a rule applied before the built-in ones. */
    public void add(String regex, String replacement) {
        rules.add(0, new Rule(Pattern.compile(regex), replacement));
    }

    public String apply(String text) {
        String result = text;
        for (Rule rule : rules) {
            result = rule.pattern.matcher(result).replaceAll(Matcher.quoteReplacement(rule.replacement));
        }
        return result;
    }

    private record Rule(Pattern pattern, String replacement) {}
}
