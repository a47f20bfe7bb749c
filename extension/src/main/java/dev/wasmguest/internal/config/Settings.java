package dev.wasmguest.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Where wasmguest reads its configuration keys ({@code wasmguest.cache.dir}, ...) and {@code ${key}}
 * placeholders from. Immutable and thread-safe.
 *
 * <p>Outside JUnit the sources are system properties, then environment variables; the JUnit layer puts
 * the JUnit configuration parameters in front.
 */
@API(status = INTERNAL, since = "0.1")
public final class Settings {

    private final Function<String, Optional<String>> lookup;

    private Settings(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    /** System properties, then environment variables of the running JVM. */
    public static Settings system() {
        return fromSources(System.getProperties(), System.getenv());
    }

    /** The given properties, then the given environment; for tests that must not depend on the host. */
    public static Settings fromSources(Properties properties, Map<String, String> environment) {
        return new Settings(key -> Optional.ofNullable(properties.getProperty(key))
                .or(() -> Optional.ofNullable(environment.get(key)))
                .or(() -> Optional.ofNullable(environment.get(environmentName(key)))));
    }

    /** Looks a key up in {@code first}, then in these settings. */
    public Settings withPriority(Function<String, Optional<String>> first) {
        return new Settings(key -> first.apply(key).or(() -> lookup.apply(key)));
    }

    /** The value of {@code key}, or empty when no source defines it. */
    public Optional<String> get(String key) {
        return lookup.apply(key);
    }

    /**
     * The environment variable that stands for a configuration key: {@code wasmguest.cache.dir} is also read
     * from {@code WASMGUEST_CACHE_DIR}, since most shells cannot export names with dots.
     */
    static String environmentName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
