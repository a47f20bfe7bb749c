package dev.wasmguest.internal.resolve;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Everything that governs how modules are resolved, read from configuration keys (see the README's
 * configuration table). Immutable.
 *
 * @param maxAge how long a downloaded, unpinned URL is used without asking the server again
 * @param offline never touch the network
 * @param skipMissingOffline in offline mode, skip (abort) tests whose module is not cached instead of failing
 */
@API(status = INTERNAL, since = "0.1")
public record ResolutionSettings(
        Path cacheDirectory,
        Duration maxAge,
        boolean offline,
        boolean skipMissingOffline,
        UrlRewrites rewrites,
        TransferLimits limits) {

    public static final String CACHE_DIR = "wasmguest.cache.dir";
    public static final String MAX_AGE = "wasmguest.cache.maxAge";
    public static final String OFFLINE = "wasmguest.offline";
    public static final String OFFLINE_MISSING = "wasmguest.offline.missing";
    public static final String URL_REWRITE = "wasmguest.url.rewrite";
    public static final String CONNECT_TIMEOUT = "wasmguest.http.connectTimeout";
    public static final String REQUEST_TIMEOUT = "wasmguest.http.requestTimeout";
    public static final String STALL_TIMEOUT = "wasmguest.http.stallTimeout";
    public static final String RETRIES = "wasmguest.http.retries";
    public static final String RETRY_BACKOFF = "wasmguest.http.retryBackoff";
    public static final String MAX_REDIRECTS = "wasmguest.http.maxRedirects";
    public static final String MAX_BYTES = "wasmguest.download.maxBytes";
    public static final String LOCK_TIMEOUT = "wasmguest.cache.lockTimeout";

    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(1);

    /**
     * @throws IllegalArgumentException naming the key when a value is malformed
     */
    public static ResolutionSettings from(Settings settings) {
        TransferLimits defaults = TransferLimits.DEFAULTS;
        TransferLimits limits = new TransferLimits(
                duration(settings, CONNECT_TIMEOUT, defaults.connectTimeout()),
                duration(settings, REQUEST_TIMEOUT, defaults.requestTimeout()),
                duration(settings, STALL_TIMEOUT, defaults.stallTimeout()),
                number(settings, RETRIES, defaults.retries(), Integer::parseInt),
                duration(settings, RETRY_BACKOFF, defaults.retryBackoff()),
                number(settings, MAX_REDIRECTS, defaults.maxRedirects(), Integer::parseInt),
                number(settings, MAX_BYTES, defaults.maxModuleBytes(), Long::parseLong),
                duration(settings, LOCK_TIMEOUT, defaults.lockTimeout()),
                defaults.progressInterval());
        return new ResolutionSettings(
                cacheDirectory(settings),
                duration(settings, MAX_AGE, DEFAULT_MAX_AGE),
                bool(settings, OFFLINE),
                offlineMissing(settings),
                UrlRewrites.parse(settings.get(URL_REWRITE).orElse("")),
                limits);
    }

    /** {@code wasmguest.cache.dir}, else {@code $XDG_CACHE_HOME/wasmguest}, else {@code ~/.cache/wasmguest}. */
    static Path cacheDirectory(Settings settings) {
        return settings.get(CACHE_DIR)
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .or(() -> settings.get("XDG_CACHE_HOME")
                        .filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, "wasmguest")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "wasmguest"));
    }

    private static boolean offlineMissing(Settings settings) {
        String value = settings.get(OFFLINE_MISSING).orElse("fail").strip().toLowerCase(Locale.ROOT);
        if (!value.equals("fail") && !value.equals("skip")) {
            throw invalid(OFFLINE_MISSING, value, "fail or skip");
        }
        return value.equals("skip");
    }

    private static boolean bool(Settings settings, String key) {
        String value = settings.get(key).orElse("false").strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid(key, value, "true or false");
        }
        return value.equals("true");
    }

    private static Duration duration(Settings settings, String key, Duration fallback) {
        Optional<String> value = settings.get(key).map(String::strip);
        try {
            Duration parsed = value.map(Duration::parse).orElse(fallback);
            if (parsed.isNegative()) {
                throw invalid(key, value.orElseThrow(), "a duration that is not negative");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw invalid(key, value.orElseThrow(), "an ISO-8601 duration such as PT30S or P1D");
        }
    }

    private static <N extends Number> N number(Settings settings, String key, N fallback, Function<String, N> parse) {
        Optional<String> value = settings.get(key).map(String::strip);
        try {
            N parsed = value.map(parse).orElse(fallback);
            if (parsed.longValue() < 0) {
                throw invalid(key, value.orElseThrow(), "a whole number of at least 0");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, value.orElseThrow(), "a whole number");
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException(
                "configuration " + key + "=\"" + value + "\" is invalid: expected " + expected);
    }

    /** Prefix rewrites of download URLs, e.g. {@code https://github.com/=>https://mirror.corp/github/}. */
    public record UrlRewrites(List<Rule> rules) {

        public UrlRewrites {
            rules = List.copyOf(rules);
        }

        /** Rules separated by commas or white space, each {@code FROM=>TO}; the first matching prefix wins. */
        static UrlRewrites parse(String text) {
            List<Rule> rules = new ArrayList<>();
            for (String rule : text.split("[,\\s]+")) {
                if (rule.isBlank()) {
                    continue;
                }
                int arrow = rule.indexOf("=>");
                if (arrow <= 0 || arrow + 2 >= rule.length()) {
                    throw invalid(URL_REWRITE, text, "rules of the form FROM_PREFIX=>TO_PREFIX, separated by commas");
                }
                rules.add(new Rule(rule.substring(0, arrow), rule.substring(arrow + 2)));
            }
            return new UrlRewrites(rules);
        }

        /** The URL to download from instead of {@code url}, or {@code url} itself when no rule matches. */
        public String apply(String url) {
            for (Rule rule : rules) {
                if (url.startsWith(rule.from())) {
                    return rule.to() + url.substring(rule.from().length());
                }
            }
            return url;
        }

        public record Rule(String from, String to) {}
    }
}
