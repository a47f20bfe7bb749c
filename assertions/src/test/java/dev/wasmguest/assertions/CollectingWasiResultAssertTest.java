package dev.wasmguest.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.internal.assertions.SoftNavigation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The soft form used on the module path: every assertion of WasiResultAssert collects instead of throwing. */
class CollectingWasiResultAssertTest {

    private static final WasiResult EXIT1 =
            WasiRunner.fromResource("guests/seed.wasm").run("arg1", "exit1");

    /** Methods that return the assertion but check nothing. */
    private static final Set<String> NOT_ASSERTIONS = Set.of("withRedaction");

    @Test
    void everyOwnAssertionIsOverridden() {
        List<String> missing = Arrays.stream(AbstractWasiResultAssert.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> method.getReturnType() == AbstractWasiResultAssert.class)
                .filter(method -> !NOT_ASSERTIONS.contains(method.getName()))
                .filter(method -> !overridden(method))
                .map(Method::toString)
                .collect(Collectors.toList());

        assertThat(missing)
                .as("assertions that would throw instead of collecting in soft mode")
                .isEmpty();
    }

    @Test
    void failuresAreCollectedAndChainsGoOn() {
        SoftWasiAssertions softly = new SoftWasiAssertions();
        WasiResultAssert collecting = new CollectingWasiResultAssert(EXIT1, softly);
        collecting.navigateWith(new SoftNavigation(softly));

        collecting
                .succeeded()
                .hasStdoutContaining("absent")
                .hasExitCode(1)
                .stdout()
                .startsWith("nope");

        assertThat(softly.errorsCollected()).hasSize(3);
        assertThat(softly.errorsCollected().get(0)).hasMessageContaining("Expecting the guest to succeed");
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (3 failures)");
    }

    private static boolean overridden(Method method) {
        try {
            return CollectingWasiResultAssert.class.getDeclaredMethod(method.getName(), method.getParameterTypes())
                    != null;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
