package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * JSON for suites: a strict reader (RFC 8259) for specs ({@code name.json}, {@code manifest.json}), whose objects
 * become {@link Map}s in their order, arrays {@link List}s, whole numbers {@link Long}s and other numbers
 * {@link Double}s, plus strings, booleans and {@code null}; and the quoting of strings for the suites report.
 *
 * <p>Specs are a handful of keys, and a JSON library would land on every user's test class path, so this reader is
 * ours; {@code JsonTest} holds it to the grammar. Every malformed text fails with an {@link IllegalArgumentException}
 * that says where (line and column) and what was expected; nothing else escapes, whatever the input. Duplicate keys
 * and nesting deeper than {@value #MAX_DEPTH} levels are refused too.
 */
@API(status = INTERNAL, since = "0.1")
public final class Json {

    static final int MAX_DEPTH = 64;

    private final String text;
    private int position;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /**
     * The value {@code text} holds.
     *
     * @throws IllegalArgumentException {@code invalid JSON at line L, column C: <problem>}
     */
    public static Object parse(String text) {
        Json json = new Json(text);
        if (text.startsWith("\uFEFF")) {
            json.position = 1; // a byte-order mark, as some editors write
        }
        json.skipSpace();
        Object value = json.value();
        json.skipSpace();
        if (json.position != text.length()) {
            throw json.error("unexpected " + json.describeNext() + " after the value");
        }
        return value;
    }

    private Object value() {
        switch (peek()) {
            case '{':
                return nested(this::object);
            case '[':
                return nested(this::array);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (peek() == '-' || isDigit(peek())) {
                    return number();
                }
                throw error("expected a value, found " + describeNext());
        }
    }

    private Object nested(Supplier<Object> container) {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        Object value = container.get();
        depth--;
        return value;
    }

    private Object object() {
        Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipSpace();
        if (peek() == '}') {
            position++;
            return object;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a key in double quotes, found " + describeNext());
            }
            int keyStart = position;
            String key = string();
            if (object.containsKey(key)) {
                position = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            skipSpace();
            expect(':');
            skipSpace();
            object.put(key, value());
            skipSpace();
            if (peek() != ',') {
                expect('}');
                return object;
            }
            position++;
        }
    }

    private Object array() {
        List<Object> array = new ArrayList<>();
        position++;
        skipSpace();
        if (peek() == ']') {
            position++;
            return array;
        }
        while (true) {
            skipSpace();
            array.add(value());
            skipSpace();
            if (peek() != ',') {
                expect(']');
                return array;
            }
            position++;
        }
    }

    private String string() {
        StringBuilder string = new StringBuilder();
        position++;
        while (true) {
            if (atEnd()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return string.toString();
            }
            if (c < 0x20) {
                throw error("control character " + printable(c) + " in a string; write it"
                        + " as an escape such as \\n or \\u" + String.format("%04x", (int) c));
            }
            if (c == '\\') {
                string.append(escape());
            } else {
                string.append(c);
                position++;
            }
        }
    }

    private char escape() {
        position++;
        if (atEnd()) {
            throw error("unterminated string");
        }
        char escaped = text.charAt(position);
        position++;
        switch (escaped) {
            case '"':
            case '\\':
            case '/':
                return escaped;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape();
            default:
                position--;
                throw error("invalid escape \\" + printable(escaped)
                        + "; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and" + " \\uXXXX");
        }
    }

    private char unicodeEscape() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = atEnd() ? -1 : Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw error("\\u must be followed by four hexadecimal digits");
            }
            value = value * 16 + digit;
            position++;
        }
        return (char) value;
    }

    private Object number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
            if (isDigit(peek())) {
                throw error("a number must not start with 0 unless it is 0");
            }
        } else {
            digits("a digit");
        }
        boolean whole = true;
        if (peek() == '.') {
            position++;
            digits("a digit after the decimal point");
            whole = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            digits("a digit in the exponent");
            whole = false;
        }
        String number = text.substring(start, position);
        if (!whole) {
            return Double.parseDouble(number);
        }
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException tooLarge) {
            position = start;
            throw error("whole number " + number + " is out of range");
        }
    }

    private void digits(String expected) {
        if (!isDigit(peek())) {
            throw error("expected " + expected + ", found " + describeNext());
        }
        while (isDigit(peek())) {
            position++;
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("expected a value, found " + describeNext());
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "', found " + describeNext());
        }
        position++;
    }

    private void skipSpace() {
        while (!atEnd() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    /** The next character, or {@code '\0'} at the end (never a valid JSON token start). */
    private char peek() {
        return atEnd() ? '\0' : text.charAt(position);
    }

    /**
     * {@code value} (maps, lists, strings, numbers, booleans and {@code null}, as {@link #parse} gives them) as JSON
     * text: each member of an object or a list that holds objects on a line of its own, indented by depth, other lists
     * on one line.
     */
    public static String write(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json, "");
        return json.toString();
    }

    private static void write(Object value, StringBuilder json, String indent) {
        if (value instanceof Map<?, ?> object) {
            String inner = indent + "  ";
            json.append('{');
            String separator = "\n";
            for (Map.Entry<?, ?> member : object.entrySet()) {
                json.append(separator)
                        .append(inner)
                        .append(quote(String.valueOf(member.getKey())))
                        .append(": ");
                write(member.getValue(), json, inner);
                separator = ",\n";
            }
            json.append(object.isEmpty() ? "}" : "\n" + indent + "}");
        } else if (value instanceof List<?> list) {
            boolean nested = list.stream().anyMatch(element -> element instanceof Map || element instanceof List);
            String inner = indent + "  ";
            json.append('[');
            for (int index = 0; index < list.size(); index++) {
                json.append(index == 0 ? "" : ",").append(nested ? "\n" + inner : index == 0 ? "" : " ");
                write(list.get(index), json, inner);
            }
            json.append(nested && !list.isEmpty() ? "\n" + indent + "]" : "]");
        } else if (value instanceof String text) {
            json.append(quote(text));
        } else {
            json.append(value); // numbers, booleans, null
        }
    }

    /** {@code text} as a JSON string: quoted, with quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describeNext() {
        if (atEnd()) {
            return "the end of the text";
        }
        char c = text.charAt(position);
        return c < 0x20 ? printable(c) : "'" + c + "'";
    }

    /** A character as it can stand in a one-line message. */
    private static String printable(char c) {
        return c < 0x20 ? "U+" + String.format("%04X", (int) c) : String.valueOf(c);
    }

    private IllegalArgumentException error(String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new IllegalArgumentException(
                "invalid JSON at line " + line + ", column " + (position - lineStart + 1) + ": " + problem);
    }
}
