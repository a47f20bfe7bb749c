package dev.wasmguest.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * One configured value and where it came from, read by the one set of rules every setting and {@code @WasmGuest}
 * attribute follows. A malformed value fails with {@code <name>="<text>" (<origin>) is invalid: expected <what>}.
 *
 * @param name what was configured: a key such as {@code wasmguest.timeout} or an attribute such as
 *     {@code @WasmGuest(timeout)}
 * @param text the value as written
 * @param origin where it came from, e.g. {@code system property}; empty for an annotation attribute
 */
@API(status = INTERNAL, since = "0.1")
public record ConfigValue(String name, String text, String origin) {

    /** An ISO-8601 duration greater than zero, such as {@code PT30S}. */
    public Duration positiveDuration() {
        Duration duration = duration();
        if (duration.isZero()) {
            throw invalid("a positive duration such as PT30S");
        }
        return duration;
    }

    /** An ISO-8601 duration of zero or more, such as {@code PT0.5S} or {@code P1D}. */
    public Duration duration() {
        try {
            Duration duration = Duration.parse(text.strip());
            if (duration.isNegative()) {
                throw invalid("a duration that is not negative");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw invalid("an ISO-8601 duration such as PT30S or P1D");
        }
    }

    /** A whole number of zero or more. */
    public long count() {
        long count = number();
        if (count < 0) {
            throw invalid("a whole number of at least 0");
        }
        return count;
    }

    /** A whole number from 0 to {@link Integer#MAX_VALUE}. */
    public int smallCount() {
        long count = count();
        if (count > Integer.MAX_VALUE) {
            throw invalid("a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return (int) count;
    }

    /** A whole number, such as a seed. */
    public long number() {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw invalid("a whole number");
        }
    }

    /** A byte count, optionally with a binary unit: {@code 1048576}, {@code 64k}, {@code 16m}, {@code 1g}. */
    public long bytes() {
        String number = text.strip().toLowerCase(Locale.ROOT);
        int shift = number.endsWith("k") ? 10 : number.endsWith("m") ? 20 : number.endsWith("g") ? 30 : 0;
        if (shift > 0) {
            number = number.substring(0, number.length() - 1).strip();
        }
        try {
            long count = Long.parseLong(number);
            if (count < 0 || count > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException();
            }
            return count << shift;
        } catch (NumberFormatException e) {
            throw invalid("a byte count such as 1048576, 64k, 16m or 1g");
        }
    }

    /** {@code true} or {@code false}, in any case. */
    public boolean flag() {
        return choice("true", "false").equals("true");
    }

    /** One of {@code choices}, in any case; returned in lower case. */
    public String choice(String... choices) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        List<String> allowed = Arrays.asList(choices);
        if (!allowed.contains(value)) {
            String last = choices[choices.length - 1];
            String others = String.join(", ", allowed.subList(0, choices.length - 1));
            throw invalid(others + " or " + last);
        }
        return value;
    }

    /** An ISO-8601 instant, such as {@code 2026-01-01T00:00:00Z}. */
    public Instant instant() {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid("an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }

    /** The failure for this value, which was expected to be {@code expected}. */
    public IllegalArgumentException invalid(String expected) {
        String from = origin.isEmpty() ? "" : " (" + origin + ")";
        return new IllegalArgumentException(name + "=\"" + text + "\"" + from + " is invalid: expected " + expected);
    }
}
