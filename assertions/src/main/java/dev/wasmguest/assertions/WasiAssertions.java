package dev.wasmguest.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import dev.wasmguest.WasiResult;
import org.apiguardian.api.API;

/**
 * Entry points of the wasmguest assertions, in AssertJ's style:
 *
 * <pre>{@code
 * import static dev.wasmguest.assertions.WasiAssertions.assertThat;
 *
 * assertThat(runner.run("hello")).succeeded().stdout().contains("hello");
 * }</pre>
 *
 * Use it beside {@code org.assertj.core.api.Assertions}: the overloads do not clash.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public final class WasiAssertions {

    private WasiAssertions() {}

    /**
     * Starts assertions on how a guest run ended and what it wrote.
     *
     * @param actual the run to check; may be {@code null}, which fails every assertion but {@code isNull()}
     * @return never {@code null}
     */
    public static WasiResultAssert assertThat(WasiResult actual) {
        return new WasiResultAssert(actual);
    }

    /**
     * BDD-style alias of {@link #assertThat(WasiResult)}.
     *
     * @param actual the result to check
     * @return never {@code null}
     */
    public static WasiResultAssert then(WasiResult actual) {
        return new WasiResultAssert(actual);
    }
}
