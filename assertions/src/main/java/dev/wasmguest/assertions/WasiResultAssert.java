package dev.wasmguest.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import dev.wasmguest.WasiResult;
import org.apiguardian.api.API;

/**
 * Assertions on a {@link WasiResult}: see {@link AbstractWasiResultAssert} for all of them. Obtain instances from
 * {@link WasiAssertions#assertThat(WasiResult)}.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public class WasiResultAssert extends AbstractWasiResultAssert<WasiResultAssert> {

    /**
     * Prefer {@link WasiAssertions#assertThat(WasiResult)}; public because AssertJ's soft assertions instantiate
     * assertion classes through their public constructor.
     *
     * @param actual the run to check
     */
    public WasiResultAssert(WasiResult actual) {
        super(actual, WasiResultAssert.class);
    }
}
