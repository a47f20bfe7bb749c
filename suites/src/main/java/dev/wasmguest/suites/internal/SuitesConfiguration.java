package dev.wasmguest.suites.internal;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.suite.Expectations;
import dev.wasmguest.internal.suite.Shard;
import dev.wasmguest.internal.suite.SuiteSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration, read once per discovery like every key of wasmguest (the {@code wasmguest.suites.*}
 * settings): JUnit's configuration parameters first, then system properties, {@code junit-platform.properties} and
 * the environment. What every suite reads ({@link SuiteSettings}) is {@code WasiTestSuite}'s too; the rest is the
 * engine's own. The core's own settings ({@code wasmguest.engine}, {@code wasmguest.cache.dir}, ...) are read the
 * same way.
 *
 * @param expectations what {@code suite}'s expectation files say, read once
 */
record SuitesConfiguration(
        Settings settings,
        SuiteSettings suite,
        Expectations expectations,
        List<String> suites,
        Optional<Path> report,
        Optional<Shard> shard,
        boolean parallel) {

    /**
     * @throws IllegalArgumentException naming the key whose value is malformed
     */
    static SuitesConfiguration of(ConfigurationParameters parameters) {
        Settings settings = Settings.system().withPriority("JUnit configuration parameter", parameters::get);
        SuiteSettings suite = SuiteSettings.from(settings);
        return new SuitesConfiguration(
                settings,
                suite,
                suite.expectations(List.of(), List.of()),
                SuiteSettings.list(settings, WasmGuestSetting.SUITES),
                settings.value(WasmGuestSetting.SUITES_REPORT)
                        .map(value -> value.text().strip())
                        .filter(path -> !path.isEmpty())
                        .map(Path::of),
                Shard.of(settings.value(WasmGuestSetting.SUITES_SHARD)),
                settings.choice(WasmGuestSetting.SUITES_PARALLEL)
                        .or(() -> settings.get("junit.jupiter.execution.parallel.enabled"))
                        .map(Boolean::parseBoolean)
                        .orElse(false));
    }
}
