package dev.wasmguest.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.WasmGuestSetting;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One order everywhere, JUnit's: launcher parameters, system properties, junit-platform.properties, environment. */
class SettingsTest {

    private static final WasmGuestSetting KEY = WasmGuestSetting.TIMEOUT;

    @Test
    void eachSourceInTurnAndWhereTheValueCameFrom() {
        Properties system = properties("PT1S");
        Properties file = properties("PT2S");
        Map<String, String> env = Map.of("wasmguest.timeout", "PT3S", "WASMGUEST_TIMEOUT", "PT4S");

        assertThat(Settings.of(system, file, env).value(KEY))
                .contains(new ConfigValue("wasmguest.timeout", "PT1S", "system property"));
        assertThat(Settings.of(new Properties(), file, env).value(KEY))
                .contains(new ConfigValue("wasmguest.timeout", "PT2S", "junit-platform.properties"));
        assertThat(Settings.of(new Properties(), new Properties(), env).value(KEY))
                .contains(new ConfigValue("wasmguest.timeout", "PT3S", "environment variable"));
        assertThat(Settings.of(new Properties(), new Properties(), Map.of("WASMGUEST_TIMEOUT", "PT4S"))
                        .value(KEY))
                .contains(new ConfigValue("wasmguest.timeout", "PT4S", "environment variable WASMGUEST_TIMEOUT"));
        assertThat(Settings.of(new Properties(), new Properties(), Map.of()).value(KEY))
                .isEmpty();
    }

    @Test
    void theJUnitLayersParametersComeFirst() {
        Settings settings = Settings.of(properties("PT1S"), new Properties(), Map.of())
                .withPriority("JUnit configuration parameter", key -> Optional.of("PT9S"));

        assertThat(settings.value(KEY))
                .contains(new ConfigValue("wasmguest.timeout", "PT9S", "JUnit configuration parameter"));
    }

    @Test
    void junitPlatformPropertiesIsReadFromTheClassPath(@TempDir Path classes) throws IOException {
        Files.writeString(classes.resolve("junit-platform.properties"), "wasmguest.timeout = PT7S\n");

        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(Settings.junitPlatformProperties(loader).getProperty("wasmguest.timeout"))
                    .isEqualTo("PT7S");
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(Settings.junitPlatformProperties(empty)).isEmpty();
        }
    }

    @Test
    void theSystemsSettingsReadTheContextClassPath(@TempDir Path classes) throws IOException {
        Files.writeString(classes.resolve("junit-platform.properties"), "wasmguest.snapshots.dir=from/the/file\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);

            assertThat(Settings.system().get(WasmGuestSetting.SNAPSHOTS_DIR.key()))
                    .contains("from/the/file");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void aSettingWithAFixedSetOfValuesTakesOneInAnyCaseAndRefusesOthersSayingWhereTheValueCameFrom() {
        Properties file = new Properties();
        file.setProperty("wasmguest.snapshots", "Update");
        assertThat(Settings.of(new Properties(), file, Map.of()).choice(WasmGuestSetting.SNAPSHOTS))
                .contains("update");

        file.setProperty("wasmguest.snapshots", "overwrite");
        assertThatThrownBy(() -> Settings.of(new Properties(), file, Map.of()).choice(WasmGuestSetting.SNAPSHOTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wasmguest.snapshots=\"overwrite\" (junit-platform.properties) is invalid:"
                        + " expected compare or update");
        assertThat(WasmGuestSetting.ENGINE.choices()).containsExactly("auto", "compiler", "interpreter");
        assertThat(WasmGuestSetting.TIMEOUT.choices()).isEmpty();
    }

    private static Properties properties(String timeout) {
        Properties properties = new Properties();
        properties.setProperty("wasmguest.timeout", timeout);
        return properties;
    }
}
