package dev.wasmguest.suites.internal;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.suite.CaseGlobs;
import dev.wasmguest.internal.suite.CaseRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration, read once per discovery like every key of wasmguest (the {@code wasmguest.suites.*}
 * settings): JUnit's configuration parameters first, then system properties, {@code junit-platform.properties} and
 * the environment. The core's own settings ({@code wasmguest.engine}, {@code wasmguest.cache.dir}, ...) are read the
 * same way.
 */
record SuitesConfiguration(
        Settings settings,
        List<String> suites,
        CaseGlobs cases,
        Expectations expectations,
        Optional<Path> report,
        Duration timeout,
        boolean parallel) {

    /**
     * @throws IllegalArgumentException naming the key whose value is malformed
     */
    static SuitesConfiguration of(ConfigurationParameters parameters) {
        Settings settings = Settings.system().withPriority("JUnit configuration parameter", parameters::get);
        return new SuitesConfiguration(
                settings,
                list(settings, WasmGuestSetting.SUITES),
                CaseGlobs.parse(settings.value(WasmGuestSetting.SUITES_CASES).map(ConfigValue::text)),
                Expectations.read(
                        paths(settings, WasmGuestSetting.SUITES_EXPECTATIONS),
                        paths(settings, WasmGuestSetting.SUITES_SKIP)),
                settings.value(WasmGuestSetting.SUITES_REPORT)
                        .map(value -> value.text().strip())
                        .filter(path -> !path.isEmpty())
                        .map(Path::of),
                CaseRunner.timeout(settings),
                settings.choice(WasmGuestSetting.SUITES_PARALLEL)
                        .or(() -> settings.get("junit.jupiter.execution.parallel.enabled"))
                        .map(Boolean::parseBoolean)
                        .orElse(false));
    }

    private static List<String> list(Settings settings, WasmGuestSetting setting) {
        return settings.value(setting).stream()
                .flatMap(value -> Stream.of(value.text().split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toList());
    }

    private static List<Path> paths(Settings settings, WasmGuestSetting setting) {
        return list(settings, setting).stream().map(Path::of).collect(Collectors.toList());
    }
}
