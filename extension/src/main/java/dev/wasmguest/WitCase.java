package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A value of a WIT {@code variant} or {@code result} in a typed call: the case's name and its payload, {@code null}
 * for a case without one. A {@code result<string, error-code>} that failed is {@code WitCase.error("access")}:
 *
 * <pre>{@code
 * assertThat(library.call("parse", "42")).returnedValue(WitCase.ok(42));
 * }</pre>
 *
 * <p>Options are {@link java.util.Optional}s and enums their case's name, so only variants and results need this.
 *
 * @param name the case's name as the WIT declares it: {@code ok} or {@code error} for a result
 * @param value the payload, as {@link WasiInstance#call(String, Object...)} maps WIT types to Java; {@code null}
 *        when the case has none
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record WitCase(String name, Object value) {

    /**
     * A case of a variant or result.
     *
     * @param name the case's name
     * @param value its payload; {@code null} for a case without one
     * @throws NullPointerException when {@code name} is {@code null}
     */
    public WitCase {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A case without a payload.
     *
     * @param name the case's name
     * @return never {@code null}
     */
    public static WitCase of(String name) {
        return new WitCase(name, null);
    }

    /**
     * A result's {@code ok} case.
     *
     * @param value its payload; {@code null} for a {@code result} without an ok type
     * @return never {@code null}
     */
    public static WitCase ok(Object value) {
        return new WitCase("ok", value);
    }

    /**
     * A result's {@code error} case.
     *
     * @param value its payload; {@code null} for a {@code result} without an error type
     * @return never {@code null}
     */
    public static WitCase error(Object value) {
        return new WitCase("error", value);
    }

    /**
     * Whether this is a result's {@code ok} case.
     *
     * @return {@code true} for the case named {@code ok}
     */
    public boolean isOk() {
        return name.equals("ok");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WitCase that && name.equals(that.name) && Objects.deepEquals(value, that.value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.deepHashCode(new Object[] {value});
    }

    @Override
    public String toString() {
        if (value == null) {
            return name;
        }
        return name + "(" + (value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value)) + ")";
    }
}
