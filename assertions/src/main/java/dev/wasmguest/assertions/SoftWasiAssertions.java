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
 * Not thread-safe, like AssertJ's own soft assertions.
 *
 * @since 0.1.0
 */
@API(status = STABLE, since = "0.1")
public class SoftWasiAssertions extends AbstractSoftAssertions {

    /** An empty collector; call {@link #assertAll()} when done. */
    public SoftWasiAssertions() {
    }

    /**
     * Starts soft assertions on a run.
     *
     * @param actual the result to check
     * @return never {@code null}
     */
    public WasiResultAssert assertThat(WasiResult actual) {
        WasiResultAssert softly = proxy(WasiResultAssert.class, WasiResult.class, actual);
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
