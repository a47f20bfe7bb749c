package dev.wasmguest.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Below JUnit Jupiter 5.10 the extension refuses at once, naming both versions; from 5.10 on, and on 6, it works. */
class JUnitCompatibilityTest {

    @Test
    void theJUnitOfThisBuildIsSupported() {
        assertThatCode(JUnitCompatibility::requireSupported).doesNotThrowAnyException();
    }

    @Test
    void supportedVersions() {
        assertThat(JUnitCompatibility.problem(Optional.of("5.10.0"))).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("5.12.2"))).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("5.14.4"))).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("6.0.0-M1"))).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("6.1.3"))).isEmpty();
    }

    @Test
    void anOlderVersionIsNamedWithTheOneNeeded() {
        assertThat(JUnitCompatibility.problem(Optional.of("5.9.3")))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("wasmguest needs JUnit Jupiter 5.10 or newer (6.x works too), but the"
                                + " test class path has junit-jupiter-api 5.9.3")
                        .contains("org.junit:junit-bom 5.10.0"));
        assertThat(JUnitCompatibility.problem(Optional.of("5.0.0-RC1"))).isPresent();
        assertThat(JUnitCompatibility.problem(Optional.of("4.13"))).isPresent();
    }

    @Test
    void anUnknownVersionIsGivenTheBenefitOfTheDoubt() {
        assertThat(JUnitCompatibility.problem(Optional.empty())).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("custom-build"))).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("5"))).isEmpty();
    }
}
