package dev.wasmguest.internal.resolve;

import static dev.wasmguest.WasmGuestSetting.CACHE_DIR;
import static dev.wasmguest.WasmGuestSetting.CACHE_LOCK_TIMEOUT;
import static dev.wasmguest.WasmGuestSetting.CACHE_MAX_AGE;
import static dev.wasmguest.WasmGuestSetting.DOWNLOAD_MAX_BYTES;
import static dev.wasmguest.WasmGuestSetting.HTTP_CONNECT_TIMEOUT;
import static dev.wasmguest.WasmGuestSetting.HTTP_MAX_REDIRECTS;
import static dev.wasmguest.WasmGuestSetting.HTTP_REQUEST_TIMEOUT;
import static dev.wasmguest.WasmGuestSetting.HTTP_RETRIES;
import static dev.wasmguest.WasmGuestSetting.HTTP_RETRY_BACKOFF;
import static dev.wasmguest.WasmGuestSetting.HTTP_RETRY_WINDOW;
import static dev.wasmguest.WasmGuestSetting.HTTP_STALL_TIMEOUT;
import static dev.wasmguest.WasmGuestSetting.OFFLINE;
import static dev.wasmguest.WasmGuestSetting.OFFLINE_MISSING;
import static dev.wasmguest.WasmGuestSetting.URL_REWRITE;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Everything that governs how modules are resolved, read from configuration keys (see {@link
 * dev.wasmguest.Setting} and the configuration table). Immutable.
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

    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(1);

    /**
     * The settings {@code settings} give.
     *
     * @throws IllegalArgumentException naming the key, its value and where it came from when a value is malformed
     */
    public static ResolutionSettings from(Settings settings) {
        TransferLimits defaults = TransferLimits.DEFAULTS;
        TransferLimits limits = new TransferLimits(
                settings.read(HTTP_CONNECT_TIMEOUT, ConfigValue::positiveDuration, defaults.connectTimeout()),
                settings.read(HTTP_REQUEST_TIMEOUT, ConfigValue::positiveDuration, defaults.requestTimeout()),
                settings.read(HTTP_STALL_TIMEOUT, ConfigValue::positiveDuration, defaults.stallTimeout()),
                settings.read(HTTP_RETRIES, ConfigValue::smallCount, defaults.retries()),
                settings.read(HTTP_RETRY_BACKOFF, ConfigValue::duration, defaults.retryBackoff()),
                settings.read(HTTP_RETRY_WINDOW, ConfigValue::duration, defaults.retryWindow()),
                settings.read(HTTP_MAX_REDIRECTS, ConfigValue::smallCount, defaults.maxRedirects()),
                settings.read(DOWNLOAD_MAX_BYTES, ConfigValue::bytes, defaults.maxModuleBytes()),
                settings.read(CACHE_LOCK_TIMEOUT, ConfigValue::duration, defaults.lockTimeout()),
                defaults.progressInterval());
        return new ResolutionSettings(
                cacheDirectory(settings),
                settings.read(CACHE_MAX_AGE, ConfigValue::duration, DEFAULT_MAX_AGE),
                settings.read(OFFLINE, ConfigValue::flag, false),
                settings.choice(OFFLINE_MISSING).filter("skip"::equals).isPresent(),
                settings.value(URL_REWRITE).map(UrlRewrites::parse).orElse(new UrlRewrites(List.of())),
                limits);
    }

    /** {@code wasmguest.cache.dir}, else {@code $XDG_CACHE_HOME/wasmguest}, else {@code ~/.cache/wasmguest}. */
    public static Path cacheDirectory(Settings settings) {
        return settings.get(CACHE_DIR.key())
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .or(() -> settings.get("XDG_CACHE_HOME")
                        .filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, "wasmguest")))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "wasmguest"));
    }

    /** Prefix rewrites of download URLs, e.g. {@code https://github.com/=>https://mirror.corp/github/}. */
    public record UrlRewrites(List<Rule> rules) {

        public UrlRewrites {
            rules = List.copyOf(rules);
        }

        /** Rules separated by commas or white space, each {@code FROM=>TO}; the first matching prefix wins. */
        static UrlRewrites parse(ConfigValue value) {
            List<Rule> rules = new ArrayList<>();
            for (String rule : value.text().split("[,\\s]+")) {
                if (rule.isBlank()) {
                    continue;
                }
                int arrow = rule.indexOf("=>");
                if (arrow <= 0 || arrow + 2 >= rule.length()) {
                    throw value.invalid("rules of the form FROM_PREFIX=>TO_PREFIX, separated by commas");
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
