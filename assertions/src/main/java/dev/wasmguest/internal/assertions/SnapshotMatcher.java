package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
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
                && matchLines(expectedLines.stream().map(LinePattern::of).toList(), actualLines);
    }

    private static boolean lastIsAnyLines(List<String> lines) {
        return lines.get(lines.size() - 1).equals(ANY_LINES);
    }

    /**
     * Wildcard matching over lines, {@code ...} standing for any run of lines, in one pass that goes back only to the
     * latest {@code ...} (a later one can absorb whatever an earlier one could): no recursion, no table, and in
     * practice linear in the number of lines, whatever the output's size.
     */
    private static boolean matchLines(List<LinePattern> expected, List<String> actual) {
        int e = 0;
        int a = 0;
        int lastAnyLines = -1;
        int resumeAt = 0;
        while (a < actual.size()) {
            if (e < expected.size() && expected.get(e).isAnyLines()) {
                lastAnyLines = e++;
                resumeAt = a;
            } else if (e < expected.size() && expected.get(e).matches(actual.get(a))) {
                e++;
                a++;
            } else if (lastAnyLines >= 0) {
                e = lastAnyLines + 1; // the latest "..." takes one more line, and matching starts again after it
                a = ++resumeAt;
            } else {
                return false;
            }
        }
        while (e < expected.size() && expected.get(e).isAnyLines()) {
            e++;
        }
        return e == expected.size();
    }

    static boolean lineMatches(String expected, String actual) {
        return LinePattern.of(expected).matches(actual);
    }

    /**
     * One expected line: {@code ...}, or text whose {@code [..]} match any text within the line: the literal parts
     * between them must appear in order, the first at the start and the last at the end (leftmost placement of each
     * middle part is as good as any, so no backtracking and no regular expression is needed).
     */
    private record LinePattern(String text, String[] parts) {

        static LinePattern of(String expected) {
            if (!expected.contains(ANY_TEXT)) {
                return new LinePattern(expected, null);
            }
            List<String> parts = new ArrayList<>();
            int from = 0;
            for (int at = expected.indexOf(ANY_TEXT); at >= 0; at = expected.indexOf(ANY_TEXT, from)) {
                parts.add(expected.substring(from, at));
                from = at + ANY_TEXT.length();
            }
            parts.add(expected.substring(from));
            return new LinePattern(expected, parts.toArray(String[]::new));
        }

        boolean isAnyLines() {
            return text.equals(ANY_LINES);
        }

        boolean matches(String actual) {
            if (parts == null) {
                return text.equals(actual);
            }
            String first = parts[0];
            String last = parts[parts.length - 1];
            if (!actual.startsWith(first) || actual.length() < first.length() + last.length()) {
                return false;
            }
            int from = first.length();
            int end = actual.length() - last.length();
            for (int i = 1; i < parts.length - 1; i++) {
                int at = actual.indexOf(parts[i], from);
                if (at < 0 || at + parts[i].length() > end) {
                    return false;
                }
                from = at + parts[i].length();
            }
            return actual.endsWith(last);
        }
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
