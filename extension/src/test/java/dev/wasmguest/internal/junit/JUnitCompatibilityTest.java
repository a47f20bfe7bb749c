package dev.wasmguest.internal.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Below JUnit Jupiter 5.14 the extension refuses at once, naming both versions; from 5.14 on, and on 6, it works. */
class JUnitCompatibilityTest {

    @Test
    void theJUnitOfThisBuildIsSupported() {
        assertThatCode(JUnitCompatibility::requireSupported).doesNotThrowAnyException();
    }

    @Test
    void supportedVersions() {
        assertThat(JUnitCompatibility.problem(Optional.of("5.14.0"), true)).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("5.14.4"), true)).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("6.0.0-M1"), true)).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("6.1.3"), true)).isEmpty();
    }

    @Test
    void anOlderVersionIsNamedWithTheOneNeeded() {
        assertThat(JUnitCompatibility.problem(Optional.of("5.10.5"), false)).hasValueSatisfying(message ->
                assertThat(message).startsWith("wasmguest needs JUnit Jupiter 5.14 or newer (6.x works too), but the"
                        + " test class path has junit-jupiter-api 5.10.5").contains("org.junit:junit-bom 5.14.0"));
        assertThat(JUnitCompatibility.problem(Optional.of("5.9.3"), false)).isPresent();
        assertThat(JUnitCompatibility.problem(Optional.of("4.13"), false)).isPresent();
    }

    @Test
    void anUnknownVersionIsJudgedByWhatItHas() {
        assertThat(JUnitCompatibility.problem(Optional.empty(), true)).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.of("custom-build"), true)).isEmpty();
        assertThat(JUnitCompatibility.problem(Optional.empty(), false)).hasValueSatisfying(message ->
                assertThat(message).contains("junit-jupiter-api of an unknown version, without"
                        + " org.junit.jupiter.api.MediaType"));
    }
}
