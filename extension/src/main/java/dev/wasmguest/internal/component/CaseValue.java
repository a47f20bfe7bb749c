package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A value of a variant, option or result: which case, and its payload ({@code null} for a case without one). An
 * option's cases are {@code none} (0) and {@code some} (1); a result's {@code ok} (0) and {@code error} (1).
 */
@API(status = INTERNAL, since = "0.1")
public record CaseValue(int index, Object value) {

    public static final CaseValue NONE = new CaseValue(0, null);

    public static CaseValue some(Object value) {
        return new CaseValue(1, value);
    }

    public static CaseValue ok(Object value) {
        return new CaseValue(0, value);
    }

    public static CaseValue error(Object value) {
        return new CaseValue(1, value);
    }
}
