package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Compares actual text with an expected snapshot the way trycmd does: newlines are normalised, {@code [..]} in an
 * expected line matches any text within that line, and an expected line holding only {@code ...} matches any
 * number of lines (none included).
 */
@API(status = INTERNAL, since = "0.1")
public final class SnapshotMatcher {

    private static final String ANY_LINES = "...";
    private static final String ANY_TEXT = "[..]";

    private SnapshotMatcher() {}

    public static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static boolean matches(String expected, String actual) {
        List<String> expectedLines = normalize(expected).lines().toList();
        List<String> actualLines = normalize(actual).lines().toList();
        boolean endingsAgree =
                normalize(expected).endsWith("\n") == normalize(actual).endsWith("\n")
                        || !expectedLines.isEmpty() && lastIsAnyLines(expectedLines);
        return endingsAgree
                && matchLines(
                        expectedLines,
                        0,
                        actualLines,
                        0,
                        new Boolean[expectedLines.size() + 1][actualLines.size() + 1]);
    }

    private static boolean lastIsAnyLines(List<String> lines) {
        return lines.get(lines.size() - 1).equals(ANY_LINES);
    }

    private static boolean matchLines(List<String> expected, int e, List<String> actual, int a, Boolean[][] memo) {
        if (memo[e][a] != null) {
            return memo[e][a];
        }
        boolean result;
        if (e == expected.size()) {
            result = a == actual.size();
        } else if (expected.get(e).equals(ANY_LINES)) {
            result = matchLines(expected, e + 1, actual, a, memo)
                    || a < actual.size() && matchLines(expected, e, actual, a + 1, memo);
        } else {
            result = a < actual.size()
                    && lineMatches(expected.get(e), actual.get(a))
                    && matchLines(expected, e + 1, actual, a + 1, memo);
        }
        memo[e][a] = result;
        return result;
    }

    static boolean lineMatches(String expected, String actual) {
        if (!expected.contains(ANY_TEXT)) {
            return expected.equals(actual);
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = expected.split(Pattern.quote(ANY_TEXT), -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString()).matcher(actual).matches();
    }

    /** The first line where actual departs from expected, for failure messages; empty when they match. */
    public static String firstDifference(String expected, String actual) {
        List<String> expectedLines = normalize(expected).lines().toList();
        List<String> actualLines = normalize(actual).lines().toList();
        for (int i = 0; i < Math.max(expectedLines.size(), actualLines.size()); i++) {
            String wanted = i < expectedLines.size() ? expectedLines.get(i) : "(end of snapshot)";
            String got = i < actualLines.size() ? actualLines.get(i) : "(end of output)";
            if (wanted.equals(ANY_LINES)) {
                return "line " + (i + 1) + ": after \"...\" the remaining lines do not match";
            }
            if (!lineMatches(wanted, got)) {
                return "line " + (i + 1) + ": expected \"" + wanted + "\" but was \"" + got + "\"";
            }
        }
        return "the final newline differs";
    }
}
