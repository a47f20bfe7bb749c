package dev.wasmguest.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** Expands {@code ${key}} placeholders in annotation values. */
@API(status = INTERNAL, since = "0.1")
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private Placeholders() {}

    /**
     * Replaces every {@code ${key}} in {@code text} by the key's value in {@code settings}.
     *
     * @throws IllegalArgumentException naming the key when a placeholder has no value
     */
    public static String expand(String text, Settings settings) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1).strip();
            String value = settings.get(key)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unresolved placeholder ${" + key + "} in \"" + text + "\": define '" + key
                                    + "' as a JUnit configuration parameter, a system property (-D" + key
                                    + "=...) or an environment variable"));
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }
}
