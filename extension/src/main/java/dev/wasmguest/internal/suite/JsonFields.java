package dev.wasmguest.internal.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed access to the fields of parsed JSON ({@link Json#parse}), with errors that name the key. */
final class JsonFields {

    private JsonFields() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String key) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("\"" + key + "\" must be an object");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String key) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array");
        }
        return (List<Object>) value;
    }

    static void checkKeys(Map<String, Object> object, Set<String> known, String what, String prefix) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown " + what + " \"" + prefix + key + "\"; known: "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    static List<String> strings(Map<String, Object> object, String key) {
        Object value = object.getOrDefault(key, List.of());
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : list(value, key)) {
            strings.add(text(item, key));
        }
        return strings;
    }

    static Optional<String> optionalText(Map<String, Object> object, String key) {
        return Optional.ofNullable(object.get(key)).map(value -> text(value, key));
    }

    static String text(Object value, String key) {
        if (!(value instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string, got " + value);
        }
        return (String) value;
    }

    static int int32(Object value, String key) {
        if (!(value instanceof Long code) || code != code.intValue()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number of 32 bits, got " + value);
        }
        return code.intValue();
    }
}
