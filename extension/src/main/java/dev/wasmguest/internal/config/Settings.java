package dev.wasmguest.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuestSetting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Where wasmguest reads configuration keys ({@code wasmguest.cache.dir}, ...) and {@code ${key}} placeholders from,
 * in JUnit's order: system properties, then {@code junit-platform.properties} on the class path, then environment
 * variables. The JUnit layer puts the configuration parameters of the JUnit launcher in front. Every value comes
 * with where it came from, for messages. Immutable and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class Settings {

    /** The file JUnit reads its configuration parameters from. */
    public static final String JUNIT_PLATFORM_PROPERTIES = "junit-platform.properties";

    private static final System.Logger LOG = System.getLogger(Settings.class.getName());

    /** Keys that were renamed: still read, with a warning, where the new key is not set. */
    private static final Map<WasmGuestSetting, String> FORMER_KEYS =
            Map.of(WasmGuestSetting.SUITES_CASES, "wasmguest.suite.cases");

    private final List<Source> sources;

    private Settings(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The running JVM's: its system properties, the thread's context class path's {@code junit-platform.properties}
     * and its environment.
     */
    public static Settings system() {
        return of(System.getProperties(), junitPlatformProperties(contextClassLoader()), System.getenv());
    }

    /** The given sources, in the order of {@link #system()}; for tests that must not depend on the host. */
    public static Settings of(
            Properties systemProperties, Properties junitPlatformProperties, Map<String, String> env) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("system property", key -> Optional.ofNullable(systemProperties.getProperty(key))));
        sources.add(new Source(
                JUNIT_PLATFORM_PROPERTIES, key -> Optional.ofNullable(junitPlatformProperties.getProperty(key))));
        sources.addAll(environment(env));
        return new Settings(sources);
    }

    private static List<Source> environment(Map<String, String> env) {
        return List.of(
                new Source("environment variable", key -> Optional.ofNullable(env.get(key))),
                new Source("environment variable %s", key -> Optional.ofNullable(env.get(environmentName(key)))));
    }

    /** These settings with {@code first}, called {@code name}, looked up before all others. */
    public Settings withPriority(String name, Function<String, Optional<String>> first) {
        List<Source> prioritized = new ArrayList<>();
        prioritized.add(new Source(name, first));
        prioritized.addAll(sources);
        return new Settings(prioritized);
    }

    /** The value of {@code key} as written, or empty when no source defines it. */
    public Optional<String> get(String key) {
        return value(key).map(ConfigValue::text);
    }

    /**
     * The value of {@code setting}, with where it came from; where only its former key is set, that key's value,
     * with a warning naming the new key.
     */
    public Optional<ConfigValue> value(WasmGuestSetting setting) {
        return value(setting.key())
                .or(() -> Optional.ofNullable(FORMER_KEYS.get(setting))
                        .flatMap(this::value)
                        .map(old -> {
                            LOG.log(
                                    System.Logger.Level.WARNING,
                                    () -> old.name() + " (" + old.origin() + ") is deprecated: rename it "
                                            + setting.key()
                                            + ", the key both the suites engine and WasiTestSuite read");
                            return old;
                        }));
    }

    /**
     * The value of a setting that takes one of a fixed set of values ({@link WasmGuestSetting#choices()}), in lower case.
     *
     * @throws IllegalArgumentException naming the key, the value and its origin when it is none of them
     */
    public Optional<String> choice(WasmGuestSetting setting) {
        return value(setting).map(value -> value.choice(setting.choices().toArray(String[]::new)));
    }

    /** The value of {@code setting} as {@code parse} reads it, or {@code fallback} when no source sets it. */
    public <T> T read(WasmGuestSetting setting, Function<ConfigValue, T> parse, T fallback) {
        return value(setting).map(parse).orElse(fallback);
    }

    private Optional<ConfigValue> value(String key) {
        for (Source source : sources) {
            Optional<String> text = source.lookup().apply(key);
            if (text.isPresent()) {
                return Optional.of(
                        new ConfigValue(key, text.get(), String.format(source.name(), environmentName(key))));
            }
        }
        return Optional.empty();
    }

    /**
     * The environment variable that stands for a configuration key: {@code wasmguest.cache.dir} is also read from
     * {@code WASMGUEST_CACHE_DIR}, since most shells cannot export names with dots.
     */
    static String environmentName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The first {@code junit-platform.properties} that {@code loader} finds, as JUnit uses the first; else none. */
    static Properties junitPlatformProperties(ClassLoader loader) {
        Properties properties = new Properties();
        URL file = loader.getResource(JUNIT_PLATFORM_PROPERTIES);
        if (file != null) {
            try (InputStream in = file.openStream()) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return properties;
    }

    private static ClassLoader contextClassLoader() {
        return Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(Settings.class.getClassLoader());
    }

    /** One place a value can come from; {@code name} may hold {@code %s} for the key's environment name. */
    private record Source(String name, Function<String, Optional<String>> lookup) {}
}
