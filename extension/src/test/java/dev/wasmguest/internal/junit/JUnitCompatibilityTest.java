package dev.wasmguest.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Below JUnit Jupiter 5.10 the extension refuses at once, naming what it found and what it needs; from 5.10 on, and
 * on 6, it works. The decision is by a type 5.10 introduced, never by a version string (consumers/run.sh also runs a
 * test under JUnit's console-standalone jar, whose version is the Platform's 1.x).
 */
class JUnitCompatibilityTest {

    @Test
    void theJUnitOfThisBuildIsSupported() {
        assertThatCode(JUnitCompatibility::requireSupported).doesNotThrowAnyException();
    }

    @Test
    void theTypeThatDecidesIsOnThisClassPath() throws ClassNotFoundException {
        assertThat(Class.forName(JUnitCompatibility.INTRODUCED_IN_MINIMUM)).isInterface();
    }

    @Test
    void aJupiterWithThe510TypeIsSupportedWhateverItsVersionSays() {
        assertThat(JUnitCompatibility.problem(true, Optional.of("1.14.4"), " at file:/console-standalone.jar"))
                .isEmpty();
        assertThat(JUnitCompatibility.problem(true, Optional.of("6.1.3"), "")).isEmpty();
        assertThat(JUnitCompatibility.problem(true, Optional.empty(), "")).isEmpty();
    }

    @Test
    void aJupiterWithoutItIsNamedWithTheVersionNeeded() {
        assertThat(JUnitCompatibility.problem(false, Optional.of("5.9.3"), " at file:/api-5.9.3.jar"))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("wasmguest needs JUnit Jupiter 5.10 or newer (6.x works too), but the test class"
                                + " path has an older junit-jupiter-api (5.9.3) at file:/api-5.9.3.jar: it lacks"
                                + " AnnotatedElementContext, which 5.10 introduced.")
                        .contains("org.junit:junit-bom 5.10.0"));
        assertThat(JUnitCompatibility.problem(false, Optional.empty(), ""))
                .hasValueSatisfying(
                        message -> assertThat(message).contains("has an older junit-jupiter-api: it lacks"));
    }
}
