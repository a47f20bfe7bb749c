package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * What the suites keys say of every suite, for {@code WasiTestSuite} and the suites engine alike: which cases run
 * ({@code wasmguest.suites.cases}), what is expected of them ({@code .expectations}, {@code .skip}) and each case's
 * timeout ({@code .timeout}).
 *
 * @param expectationFiles the upstream runner's TOML files and plain lists of cases expected to fail
 * @param skipLists plain lists of cases not to run
 */
@API(status = INTERNAL, since = "0.1")
public record SuiteSettings(CaseGlobs cases, List<Path> expectationFiles, List<Path> skipLists, Duration timeout) {

    public SuiteSettings {
        expectationFiles = List.copyOf(expectationFiles);
        skipLists = List.copyOf(skipLists);
    }

    /**
     * @throws IllegalArgumentException naming the key whose value is malformed
     */
    public static SuiteSettings from(Settings settings) {
        return new SuiteSettings(
                CaseGlobs.parse(settings.value(WasmGuestSetting.SUITES_CASES).map(ConfigValue::text)),
                paths(settings, WasmGuestSetting.SUITES_EXPECTATIONS),
                paths(settings, WasmGuestSetting.SUITES_SKIP),
                settings.read(
                        WasmGuestSetting.SUITES_TIMEOUT,
                        ConfigValue::positiveDuration,
                        Duration.parse(WasmGuestSetting.SUITES_TIMEOUT.defaultValue())));
    }

    /**
     * What the configured files and {@code moreExpectationFiles} and {@code moreSkipLists} say, read now.
     *
     * @throws IllegalArgumentException naming the file, line and key of a malformed TOML file
     */
    public Expectations expectations(List<Path> moreExpectationFiles, List<Path> moreSkipLists) {
        return Expectations.read(
                Stream.concat(expectationFiles.stream(), moreExpectationFiles.stream())
                        .collect(Collectors.toList()),
                Stream.concat(skipLists.stream(), moreSkipLists.stream()).collect(Collectors.toList()));
    }

    /** A key's comma-separated entries, without blanks. */
    public static List<String> list(Settings settings, WasmGuestSetting setting) {
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
