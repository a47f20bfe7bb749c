package dev.wasmguest.assertions;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * However much a guest writes, a failure message stays readable: output quoted in the headline is cut like the
 * run's context block, and data with {@code %} in it is shown as it is. IDE diffs still get the whole values.
 */
class BoundedMessagesTest {

    private static final WasiRunner ECHO = WasiRunner.fromResource("guests/echo.wasm");
    private static final String BIG = "head " + "x".repeat(200_000) + " %s %n 100% tail";
    private static final WasiResult BIG_RUN = ECHO.withStdin(BIG).run();
    /** Excerpts of 2 x 1 KiB in the headline, the context's 2 x 2 KiB per stream, and the words around them. */
    private static final int BOUND = 16_000;

    @Test
    void containingQuotesOnlyTheHeadAndTailOfTheOutput() {
        String message = failure(run -> assertThat(run).hasStdoutContaining("absent"));

        assertThat(message)
                .hasSizeLessThan(BOUND)
                .contains("Expecting stdout:\n  \"head xxx")
                .contains("… " + (BIG.length() - 2048) + " bytes omitted …")
                .contains("x %s %n 100% tail\"\nto contain:\n  [\"absent\"]");
    }

    @Test
    void equalityKeepsTheWholeValuesForTheDiffButNotInTheMessage() {
        AssertionFailedError error = catchThrowableOfType(
                AssertionFailedError.class, () -> assertThat(BIG_RUN).hasStdout(BIG + "!"));

        assertThat(error.getMessage())
                .hasSizeLessThan(BOUND)
                .contains("… " + (BIG.length() - 2048) + " bytes omitted …")
                .contains("… " + (BIG.length() + 1 - 2048) + " bytes omitted …");
        assertThat(error.getActual().getStringRepresentation()).isEqualTo(BIG);
        assertThat(error.getExpected().getStringRepresentation()).isEqualTo(BIG + "!");
    }

    @Test
    void matchingAndSatisfyingAreBoundedToo() {
        assertThat(failure(run -> assertThat(run).hasStdoutMatching("nothing")))
                .hasSizeLessThan(BOUND)
                .contains("to match pattern:\n  \"nothing\"");
        assertThat(failure(run -> assertThat(run)
                        .hasStdoutSatisfying(out -> assertThat(out).isEmpty())))
                .hasSizeLessThan(BOUND)
                .contains("Expecting stdout to satisfy the given requirements, but:");
    }

    private static String failure(Consumer<WasiResult> assertion) {
        return catchThrowableOfType(AssertionError.class, () -> assertion.accept(BIG_RUN))
                .getMessage();
    }
}
