package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.internal.config.Setting;
import dev.wasmguest.internal.config.Settings;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Every configuration key of wasmguest, with its default and meaning; the configuration table of {@code
 * docs/configuration.md} shows the same (a test holds them together).
 *
 * <p>Every entry point reads a key from the same sources in the same order, JUnit's own: the JUnit launcher's
 * configuration parameters (for example Surefire's {@code configurationParameters}), then system properties, then
 * {@code junit-platform.properties} on the class path, then environment variables ({@code wasmguest.cache.dir} also as
 * {@code WASMGUEST_CACHE_DIR}). The launcher's own parameters are known only to extensions: what a test obtains through
 * {@link WasmGuest} or {@link WasmGuestExtension} sees them; runners made with {@code WasiRunner.fromX}, suites and
 * snapshot assertions see the rest.
 *
 * <p>Every value is checked by one set of rules: durations are ISO-8601 ({@code PT30S}), byte counts may carry a binary
 * unit ({@code 64m}), and a malformed value fails with a message naming the key, the value and where it came from.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum WasmGuestSetting {
    /**
     * The disk cache of downloaded modules; default {@code $XDG_CACHE_HOME/wasmguest}, else
     * {@code ~/.cache/wasmguest}.
     */
    CACHE_DIR(Setting.CACHE_DIR),
    /** How long a downloaded, unpinned URL is used without asking the server again; default {@code P1D}. */
    CACHE_MAX_AGE(Setting.CACHE_MAX_AGE),
    /** {@code true}: never touch the network, use cached modules, even stale ones; default {@code false}. */
    OFFLINE(Setting.OFFLINE),
    /**
     * In offline mode, {@code skip} skips (instead of fails) a test whose module is not cached; default {@code fail}.
     */
    OFFLINE_MISSING(Setting.OFFLINE_MISSING),
    /** Download-URL prefix rewrites {@code FROM=>TO}, comma-separated, first match wins; default none. */
    URL_REWRITE(Setting.URL_REWRITE),
    /** The longest wait to establish a connection; default {@code PT10S}. */
    HTTP_CONNECT_TIMEOUT(Setting.HTTP_CONNECT_TIMEOUT),
    /** The longest wait from sending a request until the response headers arrive; default {@code PT15S}. */
    HTTP_REQUEST_TIMEOUT(Setting.HTTP_REQUEST_TIMEOUT),
    /** The longest wait for the next bytes of a response body; default {@code PT20S}. */
    HTTP_STALL_TIMEOUT(Setting.HTTP_STALL_TIMEOUT),
    /** Further download attempts after a transient failure (never after 4xx); default {@code 3}. */
    HTTP_RETRIES(Setting.HTTP_RETRIES),
    /** The wait before the first retry, doubled for each further one; default {@code PT0.5S}. */
    HTTP_RETRY_BACKOFF(Setting.HTTP_RETRY_BACKOFF),
    /**
     * How long after the first attempt retries may still start, so that a failing download gives up within this plus
     * one attempt's timeouts; default {@code PT20S}.
     *
     * @since 0.1
     */
    HTTP_RETRY_WINDOW(Setting.HTTP_RETRY_WINDOW),
    /** Redirects followed before giving up (loops are detected at once); default {@code 5}. */
    HTTP_MAX_REDIRECTS(Setting.HTTP_MAX_REDIRECTS),
    /** The largest module accepted, checked while streaming; default {@code 536870912} (512 MiB). */
    DOWNLOAD_MAX_BYTES(Setting.DOWNLOAD_MAX_BYTES),
    /** The longest wait for another thread or JVM working on the same cache entry; default {@code PT10M}. */
    CACHE_LOCK_TIMEOUT(Setting.CACHE_LOCK_TIMEOUT),
    /** Keep compiled code and validation markers in the cache for later JVMs; default {@code true}. */
    CACHE_COMPILED(Setting.CACHE_COMPILED),
    /** {@code auto}, {@code compiler} or {@code interpreter} (see {@link WasiEngine}); default {@code auto}. */
    ENGINE(Setting.ENGINE),
    /** The timeout of each run, from the guest's start; default {@code PT60S}. */
    TIMEOUT(Setting.TIMEOUT),
    /** The longest a run waits for its module to be prepared; default {@code PT10M}. */
    PREPARE_TIMEOUT(Setting.PREPARE_TIMEOUT),
    /** The memory limit of each run (bytes, or with {@code k}, {@code m}, {@code g}); default {@code 512m}. */
    MAX_MEMORY(Setting.MAX_MEMORY),
    /** Bytes captured per output stream; default {@code 16m}. */
    MAX_OUTPUT(Setting.MAX_OUTPUT),
    /**
     * The most bytes of files that the host directories mounted for one run may hold, since the guest works on an
     * in-memory copy of them; default {@code 256m}.
     *
     * @since 0.1
     */
    MOUNT_MAX_BYTES(Setting.MOUNT_MAX_BYTES),
    /**
     * What becomes of imported functions that neither WASI nor the test provides: {@code fail} (the default), {@code
     * trap} or {@code default-values}; see {@link UnknownImports}.
     *
     * @since 0.1
     */
    IMPORTS_UNKNOWN(Setting.IMPORTS_UNKNOWN),
    /** An ISO-8601 instant to fix the guests' clocks at; default: the host's clocks. */
    CLOCK(Setting.CLOCK),
    /** A seed for the guests' random source; default: unpredictable. */
    RANDOM_SEED(Setting.RANDOM_SEED),
    /** {@code all}: attach every test's runs to the JUnit report, not only failing ones'; default: failures. */
    REPORT(Setting.REPORT),
    /** {@code update}: write missing and changed snapshots (refused when {@code CI=true}); default: compare. */
    SNAPSHOTS(Setting.SNAPSHOTS),
    /** Where snapshot files live; default {@code src/test/snapshots}. */
    SNAPSHOTS_DIR(Setting.SNAPSHOTS_DIR),
    /**
     * Where the suites engine finds suites when nothing is selected: directories, files or globs, comma-separated;
     * default none.
     */
    SUITES(Setting.SUITES),
    /** Globs over case names of spec-driven suites, comma-separated; default: all cases. */
    SUITES_CASES(Setting.SUITES_CASES),
    /**
     * The suites engine's expectation files, comma-separated: the upstream runner's TOML, or plain lists of cases
     * expected to fail; default none.
     */
    SUITES_EXPECTATIONS(Setting.SUITES_EXPECTATIONS),
    /** Plain lists of suite cases not to run, comma-separated; default none. */
    SUITES_SKIP(Setting.SUITES_SKIP),
    /** Where the suites engine writes its JSON report (the upstream runner's schema); default none. */
    SUITES_REPORT(Setting.SUITES_REPORT),
    /** The timeout of each case of a spec-driven suite; default {@code PT5S}. */
    SUITES_TIMEOUT(Setting.SUITES_TIMEOUT),
    /**
     * {@code true}: the suites engine runs cases in parallel; default as {@code
     * junit.jupiter.execution.parallel.enabled}.
     */
    SUITES_PARALLEL(Setting.SUITES_PARALLEL);

    private final Setting setting;

    WasmGuestSetting(Setting setting) {
        this.setting = setting;
    }

    /**
     * The key, e.g. {@code wasmguest.timeout}.
     *
     * @return never {@code null}
     */
    public String key() {
        return setting.key();
    }

    /**
     * The default, as documentation says it, e.g. {@code PT60S} or {@code host clocks}.
     *
     * @return never {@code null}
     */
    public String defaultValue() {
        return setting.defaultValue();
    }

    /**
     * What the key means, in a line.
     *
     * @return never {@code null}
     */
    public String meaning() {
        return setting.meaning();
    }

    /**
     * The value this key has outside an extension's view: from system properties, {@code junit-platform.properties} on
     * the thread's context class path or the environment, in that order.
     *
     * @return the value as written, but in lower case for a key that takes one of a fixed set of values
     *         ({@code wasmguest.engine}, {@code wasmguest.offline.missing}, {@code wasmguest.report},
     *         {@code wasmguest.snapshots}); empty when no source sets it
     * @throws IllegalArgumentException for such a key whose value is none of its values; the message names the key,
     *         the value and where it came from
     */
    public Optional<String> value() {
        Settings settings = Settings.system();
        return setting.choices().isEmpty() ? settings.get(key()) : settings.choice(setting);
    }

    /**
     * The setting with this key.
     *
     * @param key a key such as {@code wasmguest.timeout}
     * @return empty for a key wasmguest does not know
     */
    public static Optional<WasmGuestSetting> byKey(String key) {
        return Setting.byKey(key).map(setting -> valueOf(setting.name()));
    }
}
