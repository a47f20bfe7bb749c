package dev.wasmguest.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Every configuration key with its documented default and meaning: the table the core reads keys from. The public
 * {@code dev.wasmguest.Setting} names the same constants for users; a test keeps the two alike.
 */
@API(status = INTERNAL, since = "0.1")
public enum Setting {
    CACHE_DIR(
            "wasmguest.cache.dir",
            "$XDG_CACHE_HOME/wasmguest, else ~/.cache/wasmguest",
            "the disk cache of downloaded modules"),
    CACHE_MAX_AGE(
            "wasmguest.cache.maxAge",
            "P1D",
            "how long a downloaded, unpinned URL is used without asking the server again"),
    OFFLINE("wasmguest.offline", "false", "true: never touch the network; use cached modules, even stale ones"),
    OFFLINE_MISSING(
            "wasmguest.offline.missing",
            "fail",
            "in offline mode, skip skips (instead of fails) a test whose module is not cached",
            List.of("fail", "skip")),
    URL_REWRITE(
            "wasmguest.url.rewrite",
            "none",
            "download-URL prefix rewrites FROM=>TO, comma-separated, first match"
                    + " wins, e.g. https://github.com/=>https://mirror.corp/github/"),
    HTTP_CONNECT_TIMEOUT("wasmguest.http.connectTimeout", "PT10S", "establishing a connection"),
    HTTP_REQUEST_TIMEOUT(
            "wasmguest.http.requestTimeout", "PT15S", "from sending a request until the response headers arrive"),
    HTTP_STALL_TIMEOUT(
            "wasmguest.http.stallTimeout", "PT20S", "the longest wait for the next bytes of a response body"),
    HTTP_RETRIES(
            "wasmguest.http.retries",
            "3",
            "further attempts after a connection error, timeout, stalled or cut-off"
                    + " body, or 5xx (never after 4xx)"),
    HTTP_RETRY_BACKOFF(
            "wasmguest.http.retryBackoff", "PT0.5S", "the wait before the first retry; doubles for each further one"),
    HTTP_RETRY_WINDOW(
            "wasmguest.http.retryWindow",
            "PT20S",
            "retries start only this long after the first attempt began: a failing download gives up within it plus"
                    + " one attempt's timeouts (a download that keeps receiving is never cut)"),
    HTTP_MAX_REDIRECTS(
            "wasmguest.http.maxRedirects", "5", "redirects followed before giving up (loops are detected at once)"),
    DOWNLOAD_MAX_BYTES(
            "wasmguest.download.maxBytes",
            "536870912 (512 MiB)",
            "the largest module accepted, checked while streaming"),
    CACHE_LOCK_TIMEOUT(
            "wasmguest.cache.lockTimeout",
            "PT10M",
            "the longest wait for another thread or JVM downloading" + " the same URL or translating the same module"),
    CACHE_COMPILED(
            "wasmguest.cache.compiled",
            "true",
            "keep Endive's compiled code and validation markers in the cache directory for later JVMs"),
    ENGINE(
            "wasmguest.engine",
            "auto",
            "auto, compiler or interpreter (Execution engines)",
            List.of("auto", "compiler", "interpreter")),
    TIMEOUT("wasmguest.timeout", "PT60S", "the timeout of each run, from the guest's start"),
    PREPARE_TIMEOUT(
            "wasmguest.prepare.timeout",
            "PT10M",
            "the longest a run waits for its module to be resolved," + " parsed and (compiler engine) translated"),
    MAX_MEMORY("wasmguest.maxMemory", "512m", "the memory limit of each run (bytes, or with k, m, g)"),
    MAX_OUTPUT("wasmguest.output.max", "16m", "bytes captured per output stream"),
    MOUNT_MAX_BYTES(
            "wasmguest.mount.maxBytes",
            "256m",
            "the most bytes of files a run's mounted host directories may hold: guests work on an in-memory copy"),
    IMPORTS_UNKNOWN(
            "wasmguest.imports.unknown",
            "fail",
            "fail, trap or default-values: what becomes of imported functions that neither WASI nor the test provides",
            List.of("fail", "trap", "default-values")),
    CLOCK("wasmguest.clock", "host clocks", "an ISO-8601 instant to fix the guests' clocks at"),
    RANDOM_SEED("wasmguest.random.seed", "unpredictable", "a seed for the guests' random source"),
    REPORT(
            "wasmguest.report",
            "failures",
            "all: attach every test's runs to the JUnit report, not only failing ones'",
            List.of("failures", "all")),
    SNAPSHOTS(
            "wasmguest.snapshots",
            "compare",
            "update: write missing and changed snapshots (refused when CI=true)",
            List.of("compare", "update")),
    SNAPSHOTS_DIR("wasmguest.snapshots.dir", "src/test/snapshots", "where snapshot files live"),
    SUITES(
            "wasmguest.suites",
            "none",
            "where the suites engine finds suites when nothing is selected: directories, files or globs, comma-separated"),
    SUITES_CASES(
            "wasmguest.suites.cases",
            "all",
            "globs over case names of spec-driven suites, comma-separated (formerly wasmguest.suite.cases)"),
    SUITES_EXPECTATIONS(
            "wasmguest.suites.expectations",
            "none",
            "the suites engine's expectation files, comma-separated: upstream TOML, or plain lists of expected failures"),
    SUITES_SKIP("wasmguest.suites.skip", "none", "plain lists of suite cases not to run, comma-separated"),
    SUITES_REPORT("wasmguest.suites.report", "none", "where the suites engine writes its JSON report"),
    SUITES_TIMEOUT("wasmguest.suites.timeout", "PT5S", "the timeout of each case of a spec-driven suite"),
    SUITES_PARALLEL(
            "wasmguest.suites.parallel.enabled",
            "as junit.jupiter.execution.parallel.enabled",
            "true: the suites engine runs cases in parallel",
            List.of("true", "false"));

    /** Keys that were renamed: still read, with a warning, where the new key is not set. */
    private static final java.util.Map<Setting, String> FORMER_KEYS =
            java.util.Map.of(SUITES_CASES, "wasmguest.suite.cases");

    private final String key;
    private final String defaultValue;
    private final String meaning;
    private final List<String> choices;

    Setting(String key, String defaultValue, String meaning) {
        this(key, defaultValue, meaning, List.of());
    }

    /** A setting whose value is one of {@code choices}, in any case. */
    Setting(String key, String defaultValue, String meaning, List<String> choices) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.choices = choices;
    }

    /** The key, e.g. {@code wasmguest.timeout}. */
    public String key() {
        return key;
    }

    /** The default, as documentation says it, e.g. {@code PT60S} or {@code host clocks}. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What the key means, in a line. */
    public String meaning() {
        return meaning;
    }

    /** The values this setting may take, in lower case; empty when it is not one of a fixed set. */
    public List<String> choices() {
        return choices;
    }

    /** The key this setting had before it was renamed, still read with a warning; empty for most. */
    public Optional<String> formerKey() {
        return Optional.ofNullable(FORMER_KEYS.get(this));
    }

    /** The setting with this key; empty for a key wasmguest does not know. */
    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values())
                .filter(setting -> setting.key.equals(key))
                .findFirst();
    }
}
