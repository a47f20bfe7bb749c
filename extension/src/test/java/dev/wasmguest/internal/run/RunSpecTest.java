package dev.wasmguest.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.internal.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Run defaults come from configuration keys; malformed values are refused naming the key. */
class RunSpecTest {

    private static Settings settings(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.of(properties, new Properties(), Map.of());
    }

    @Test
    void defaultsWithoutConfiguration() {
        RunSpec spec = RunSpec.defaults(settings());
        assertThat(spec.engine()).isEqualTo(WasiEngine.AUTO);
        assertThat(spec.limits().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.limits().prepareTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.limits().maxMemoryBytes()).isEqualTo(512L * 1024 * 1024);
        assertThat(spec.limits().maxOutputBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(spec.clock()).isNull();
        assertThat(spec.randomSeed()).isNull();
    }

    @Test
    void configuredDefaults() {
        RunSpec spec = RunSpec.defaults(settings(
                "wasmguest.engine",
                "Interpreter",
                "wasmguest.timeout",
                "PT5S",
                "wasmguest.maxMemory",
                "64m",
                "wasmguest.output.max",
                "1k",
                "wasmguest.clock",
                "2026-01-01T00:00:00Z",
                "wasmguest.random.seed",
                "9",
                "wasmguest.prepare.timeout",
                "PT30M"));
        assertThat(spec.engine()).isEqualTo(WasiEngine.INTERPRETER);
        assertThat(spec.limits().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec.limits().maxMemoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(spec.limits().maxMemoryPages()).isEqualTo(1024);
        assertThat(spec.limits().maxOutputBytes()).isEqualTo(1024);
        assertThat(spec.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(spec.randomSeed()).isEqualTo(9L);
        assertThat(spec.limits().prepareTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void malformedValuesNameTheirKey() {
        assertThatThrownBy(() -> RunSpec.defaults(settings("wasmguest.engine", "jit")))
                .hasMessageContaining(
                        "wasmguest.engine=\"jit\" (system property) is invalid: expected auto, compiler or interpreter");
        assertThatThrownBy(() -> RunSpec.defaults(settings("wasmguest.prepare.timeout", "PT0S")))
                .hasMessageContaining(
                        "wasmguest.prepare.timeout=\"PT0S\" (system property) is invalid: expected a positive duration such as PT30S");
        assertThatThrownBy(() -> RunSpec.defaults(settings("wasmguest.timeout", "5s")))
                .hasMessageContaining(
                        "wasmguest.timeout=\"5s\" (system property) is invalid: expected an ISO-8601 duration");
        assertThatThrownBy(() -> RunSpec.defaults(settings("wasmguest.maxMemory", "lots")))
                .hasMessageContaining(
                        "wasmguest.maxMemory=\"lots\" (system property) is invalid: expected a byte count");
        assertThatThrownBy(() -> RunSpec.defaults(settings("wasmguest.clock", "today")))
                .hasMessageContaining(
                        "wasmguest.clock=\"today\" (system property) is invalid: expected an ISO-8601 instant");
    }
}
