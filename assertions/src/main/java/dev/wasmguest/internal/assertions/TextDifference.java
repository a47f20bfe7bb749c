package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Where two texts first differ, said so that two strings that look alike (a trailing space, a tab, a carriage
 * return, a non-breaking space) can be told apart: the line and column, and a short stretch of each text around
 * that place with invisible characters escaped and a caret under the first difference.
 */
@API(status = INTERNAL, since = "0.1")
public final class TextDifference {

    /** Characters of context shown before the first difference. */
    private static final int BEFORE = 20;
    /** Characters shown from the first difference on. */
    private static final int AFTER = 20;

    private TextDifference() {}

    /**
     * The description, several lines, of where {@code actual} departs from {@code expected}; empty when they are
     * equal.
     */
    public static String describe(String expected, String actual) {
        int at = firstDifference(expected, actual);
        if (at < 0) {
            return "";
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (actual.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int from = Math.max(0, at - BEFORE);
        String expectedStretch = stretch(expected, from, at);
        String actualStretch = stretch(actual, from, at);
        String prefix = from > 0 ? "…" : "";
        int caret = "  expected: \"".length()
                + prefix.length()
                + escape(actual.substring(from, at)).length();
        return "first difference at line " + line + ", column " + (at - lineStart + 1) + " (character " + (at + 1)
                + "):\n"
                + "  expected: \"" + prefix + expectedStretch + "\n"
                + "  actual:   \"" + prefix + actualStretch + "\n"
                + " ".repeat(caret) + "^";
    }

    /** The stretch of {@code text} from {@code from}, up to {@link #AFTER} characters past {@code at}, escaped. */
    private static String stretch(String text, int from, int at) {
        if (at >= text.length()) {
            return escape(text.substring(from)) + "\" (ends here)";
        }
        int to = Math.min(text.length(), at + AFTER);
        return escape(text.substring(from, to)) + "\"" + (to < text.length() ? "…" : "");
    }

    private static int firstDifference(String expected, String actual) {
        int common = Math.min(expected.length(), actual.length());
        for (int i = 0; i < common; i++) {
            if (expected.charAt(i) != actual.charAt(i)) {
                return i;
            }
        }
        return expected.length() == actual.length() ? -1 : common;
    }

    /** {@code text} as a Java string literal's body: controls, invisible and non-ASCII spaces escaped. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                default -> {
                    if (isInvisible(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c)
                || type == Character.FORMAT
                || (c != ' ' && type == Character.SPACE_SEPARATOR)
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
