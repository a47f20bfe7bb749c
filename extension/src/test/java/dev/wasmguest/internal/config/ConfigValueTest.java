package dev.wasmguest.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One set of rules and one message shape for every setting and @WasmGuest attribute. */
class ConfigValueTest {

    @Test
    void durations() {
        assertThat(value(" PT0.5S ").duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(value("PT0S").duration()).isZero();
        assertThat(value("P1D").positiveDuration()).isEqualTo(Duration.ofDays(1));
        assertInvalid(value("PT0S")::positiveDuration, "PT0S", "a positive duration such as PT30S");
        assertInvalid(value("-PT1S")::duration, "-PT1S", "a duration that is not negative");
        assertInvalid(value("5s")::duration, "5s", "an ISO-8601 duration such as PT30S or P1D");
    }

    @Test
    void counts() {
        assertThat(value("3").count()).isEqualTo(3);
        assertThat(value("7").smallCount()).isEqualTo(7);
        assertInvalid(value("-1")::count, "-1", "a whole number of at least 0");
        assertInvalid(value("three")::count, "three", "a whole number");
        assertInvalid(value("4294967296")::smallCount, "4294967296", "a whole number from 0 to 2147483647");
        assertThat(value("-42").number()).isEqualTo(-42);
    }

    @Test
    void byteCounts() {
        assertThat(value("1048576").bytes()).isEqualTo(1 << 20);
        assertThat(value("64k").bytes()).isEqualTo(64 << 10);
        assertThat(value("16M").bytes()).isEqualTo(16 << 20);
        assertThat(value("1 g").bytes()).isEqualTo(1L << 30);
        assertInvalid(value("lots")::bytes, "lots", "a byte count such as 1048576, 64k, 16m or 1g");
        assertInvalid(value("-1m")::bytes, "-1m", "a byte count such as 1048576, 64k, 16m or 1g");
        assertInvalid(value("9223372036854775807g")::bytes, "9223372036854775807g", "a byte count");
    }

    @Test
    void flagsAndChoices() {
        assertThat(value("TRUE").flag()).isTrue();
        assertThat(value("false").flag()).isFalse();
        assertInvalid(value("yes")::flag, "yes", "true or false");
        assertThat(value("Compiler").choice("auto", "compiler", "interpreter")).isEqualTo("compiler");
        assertInvalid(
                () -> value("jit").choice("auto", "compiler", "interpreter"), "jit", "auto, compiler or interpreter");
    }

    @Test
    void instants() {
        assertThat(value("2026-01-01T00:00:00Z").instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertInvalid(value("today")::instant, "today", "an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }

    @Test
    void anAttributeHasNoOrigin() {
        assertThatThrownBy(() -> new ConfigValue("@WasmGuest(timeout)", "soon", "").positiveDuration())
                .hasMessage(
                        "@WasmGuest(timeout)=\"soon\" is invalid: expected an ISO-8601 duration such as PT30S or P1D");
    }

    private static ConfigValue value(String text) {
        return new ConfigValue("wasmguest.x", text, "system property");
    }

    private static void assertInvalid(Runnable parse, String text, String expected) {
        assertThatThrownBy(parse::run)
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "wasmguest.x=\"" + text + "\" (system property) is invalid: expected " + expected);
    }
}
