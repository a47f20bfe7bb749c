package dev.wasmguest.suites.internal;

import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.suite.CaseGlobs;
import dev.wasmguest.suites.Constants;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration, read once per discovery from JUnit's configuration parameters (see
 * {@link Constants}); the core's own settings ({@code wasmguest.engine}, {@code wasmguest.cache.dir}, ...) are read
 * with them in front.
 */
record SuitesConfiguration(
        Settings settings,
        List<String> suites,
        CaseGlobs cases,
        Expectations expectations,
        Optional<Path> report,
        Duration timeout,
        boolean parallel) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * @throws IllegalArgumentException naming the key whose value is malformed
     */
    static SuitesConfiguration of(ConfigurationParameters parameters) {
        return new SuitesConfiguration(
                Settings.system().withPriority("JUnit configuration parameter", parameters::get),
                list(parameters, Constants.SUITES),
                CaseGlobs.parse(parameters.get(Constants.CASES)),
                Expectations.read(paths(parameters, Constants.EXPECTATIONS), paths(parameters, Constants.SKIP)),
                parameters
                        .get(Constants.REPORT)
                        .map(String::strip)
                        .filter(path -> !path.isEmpty())
                        .map(Path::of),
                parameters
                        .get(Constants.TIMEOUT)
                        .map(SuitesConfiguration::duration)
                        .orElse(DEFAULT_TIMEOUT),
                parameters
                        .getBoolean(Constants.PARALLEL)
                        .or(() -> parameters.getBoolean("junit.jupiter.execution.parallel.enabled"))
                        .orElse(false));
    }

    private static List<String> list(ConfigurationParameters parameters, String key) {
        return parameters.get(key).stream()
                .flatMap(value -> Stream.of(value.split(",")))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .collect(Collectors.toList());
    }

    private static List<Path> paths(ConfigurationParameters parameters, String key) {
        return list(parameters, key).stream().map(Path::of).collect(Collectors.toList());
    }

    /** The timeout by the rules of every duration setting of wasmguest, with the same messages. */
    private static Duration duration(String text) {
        return new ConfigValue(Constants.TIMEOUT, text, "JUnit configuration parameter").positiveDuration();
    }
}
