package dev.wasmguest.assertions;

import static org.apiguardian.api.API.Status.STABLE;

import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.assertions.SoftNavigation;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions on guest runs: failures are collected and reported together by {@link #assertAll()}, including
 * those of navigated assertions ({@code stdout()}, {@code stdoutLines()}, {@code file(...)}).
 *
 * <pre>{@code
 * SoftWasiAssertions softly = new SoftWasiAssertions();
 * softly.assertThat(run).hasExitCode(0);
 * softly.assertThat(run).stdout().contains("done");
 * softly.assertAll(); // reports both failures, if both fail
 * }</pre>
 *
 * With JUnit 5, AssertJ's extension creates, injects and checks an instance for you:
 *
 * <pre>{@code
 * @ExtendWith(SoftAssertionsExtension.class)
 * class MyTest {
 *     @InjectSoftAssertions SoftWasiAssertions softly;
 *     ...
 * }
 * }</pre>
 *
 * Not thread-safe, like AssertJ's own soft assertions. On the module path, AssertJ cannot proxy classes of other
 * modules: there wasmguest's own assertions and the navigated ones are soft, but generic ones inherited from AssertJ
 * ({@code softly.assertThat(run).isEqualTo(...)}, {@code satisfies(...)}) throw at once.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
public class SoftWasiAssertions extends AbstractSoftAssertions {

    /**
     * Whether AssertJ can generate soft proxies of {@link WasiResultAssert}: on the class path it can, and they make
     * every assertion soft, AssertJ's inherited ones included; in a named module it cannot.
     */
    private static final boolean PROXIES_WORK =
            !WasiResultAssert.class.getModule().isNamed();

    /** An empty collector; call {@link #assertAll()} when done. */
    public SoftWasiAssertions() {}

    /**
     * Starts soft assertions on a run.
     *
     * @param actual the result to check
     * @return never {@code null}
     */
    public WasiResultAssert assertThat(WasiResult actual) {
        WasiResultAssert softly = PROXIES_WORK
                ? proxy(WasiResultAssert.class, WasiResult.class, actual)
                : new CollectingWasiResultAssert(actual, this);
        softly.navigateWith(new SoftNavigation(this));
        return softly;
    }

    /**
     * BDD-style alias of {@link #assertThat(WasiResult)}.
     *
     * @param actual the result to check
     * @return never {@code null}
     */
    public WasiResultAssert then(WasiResult actual) {
        return assertThat(actual);
    }
}
