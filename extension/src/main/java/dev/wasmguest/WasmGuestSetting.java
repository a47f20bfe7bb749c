package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
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
 * {@link dev.wasmguest.junit.WasmGuest} or {@link dev.wasmguest.junit.WasmGuestExtension} sees them; runners made with {@code WasiRunner.fromX}, suites and
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
    CACHE_DIR(
            "wasmguest.cache.dir",
            "$XDG_CACHE_HOME/wasmguest, else ~/.cache/wasmguest",
            "the disk cache of downloaded modules"),
    /** How long a downloaded, unpinned URL is used without asking the server again; default {@code P1D}. */
    CACHE_MAX_AGE(
            "wasmguest.cache.maxAge",
            "P1D",
            "how long a downloaded, unpinned URL is used without asking the server again"),
    /** {@code true}: never touch the network, use cached modules, even stale ones; default {@code false}. */
    OFFLINE("wasmguest.offline", "false", "true: never touch the network; use cached modules, even stale ones"),
    /**
     * In offline mode, {@code skip} skips (instead of fails) a test whose module is not cached; default {@code fail}.
     */
    OFFLINE_MISSING(
            "wasmguest.offline.missing",
            "fail",
            "in offline mode, skip skips (instead of fails) a test whose module is not cached",
            List.of("fail", "skip")),
    /** Download-URL prefix rewrites {@code FROM=>TO}, comma-separated, first match wins; default none. */
    URL_REWRITE(
            "wasmguest.url.rewrite",
            "none",
            "download-URL prefix rewrites FROM=>TO, comma-separated, first match"
                    + " wins, e.g. https://github.com/=>https://mirror.corp/github/"),
    /** The longest wait to establish a connection; default {@code PT10S}. */
    HTTP_CONNECT_TIMEOUT("wasmguest.http.connectTimeout", "PT10S", "establishing a connection"),
    /** The longest wait from sending a request until the response headers arrive; default {@code PT15S}. */
    HTTP_REQUEST_TIMEOUT(
            "wasmguest.http.requestTimeout", "PT15S", "from sending a request until the response headers arrive"),
    /** The longest wait for the next bytes of a response body; default {@code PT20S}. */
    HTTP_STALL_TIMEOUT(
            "wasmguest.http.stallTimeout", "PT20S", "the longest wait for the next bytes of a response body"),
    /** Further download attempts after a transient failure (never after 4xx); default {@code 3}. */
    HTTP_RETRIES(
            "wasmguest.http.retries",
            "3",
            "further attempts after a connection error, timeout, stalled or cut-off"
                    + " body, or 5xx (never after 4xx)"),
    /** The wait before the first retry, doubled for each further one; default {@code PT0.5S}. */
    HTTP_RETRY_BACKOFF(
            "wasmguest.http.retryBackoff", "PT0.5S", "the wait before the first retry; doubles for each further one"),
    /**
     * How long after the first attempt retries may still start, so that a failing download gives up within this plus
     * one attempt's timeouts; default {@code PT20S}.
     *
     * @since 0.1
     */
    HTTP_RETRY_WINDOW(
            "wasmguest.http.retryWindow",
            "PT20S",
            "retries start only this long after the first attempt began: a failing download gives up within it plus"
                    + " one attempt's timeouts (a download that keeps receiving is never cut)"),
    /** Redirects followed before giving up (loops are detected at once); default {@code 5}. */
    HTTP_MAX_REDIRECTS(
            "wasmguest.http.maxRedirects", "5", "redirects followed before giving up (loops are detected at once)"),
    /** The largest module accepted, checked while streaming; default {@code 536870912} (512 MiB). */
    DOWNLOAD_MAX_BYTES(
            "wasmguest.download.maxBytes",
            "536870912 (512 MiB)",
            "the largest module accepted, checked while streaming"),
    /** The longest wait for another thread or JVM working on the same cache entry; default {@code PT10M}. */
    CACHE_LOCK_TIMEOUT(
            "wasmguest.cache.lockTimeout",
            "PT10M",
            "the longest wait for another thread or JVM downloading" + " the same URL or translating the same module"),
    /** Keep compiled code and validation markers in the cache for later JVMs; default {@code true}. */
    CACHE_COMPILED(
            "wasmguest.cache.compiled",
            "true",
            "keep Endive's compiled code and validation markers in the cache directory for later JVMs"),
    /**
     * The URL of a shared HTTP cache of modules and compiled code (GET, HEAD and PUT, as nginx with WebDAV,
     * bazel-remote or Gradle's build-cache node serve them); default none.
     */
    CACHE_REMOTE(
            "wasmguest.cache.remote",
            "none",
            "URL of a shared HTTP cache of modules and compiled code (GET/HEAD/PUT); user:password@ for basic auth"),
    /** Where an entry is under the remote cache's URL: {@code {kind}} and {@code {key}}; default {@code {kind}/{key}}. */
    CACHE_REMOTE_LAYOUT(
            "wasmguest.cache.remote.layout",
            "{kind}/{key}",
            "an entry's path under wasmguest.cache.remote: {kind} (modules or compiled) and {key} (64 hex digits);"
                    + " ac/{key} for bazel-remote, cache/{key} for Gradle's build-cache node"),
    /** {@code true}: this JVM also stores what it downloads and translates in the remote cache; default {@code false}. */
    CACHE_REMOTE_WRITE(
            "wasmguest.cache.remote.write",
            "false",
            "true: also store downloaded modules and translated code in the remote cache (trusted builds only)",
            List.of("true", "false")),
    /**
     * The secret that authenticates compiled code in the remote cache (HMAC-SHA256): compiled code is read from and
     * written to the remote cache only with it; default none.
     */
    CACHE_REMOTE_KEY(
            "wasmguest.cache.remote.key",
            "none",
            "secret that authenticates compiled code in the remote cache (set it from a CI secret, in the environment);"
                    + " without it compiled code is neither read nor written there"),
    /** The longest a request to the remote cache may take; default {@code PT10S}. */
    CACHE_REMOTE_TIMEOUT(
            "wasmguest.cache.remote.timeout",
            "PT10S",
            "the longest a request to the remote cache may take; a remote that fails or is slow is then left alone"),
    /**
     * Guest coverage: every run of a module in this JVM counts which lines of the guest's source and which of its
     * functions it reached ({@link WasiResult#coverage()}), and adds them to {@code lcov.info} and
     * {@code cobertura.xml} in this directory, merged over runs and JVMs; default none (off).
     *
     * @since 0.1
     */
    COVERAGE_DIR(
            "wasmguest.coverage.dir",
            "none",
            "turns guest coverage on: each run's line and function counts are merged into lcov.info and cobertura.xml"
                    + " in this directory (over runs and JVMs)"),
    /** {@code auto}, {@code compiler} or {@code interpreter} (see {@link WasiEngine}); default {@code auto}. */
    ENGINE(
            "wasmguest.engine",
            "auto",
            "auto, compiler or interpreter (Execution engines)",
            List.of("auto", "compiler", "interpreter")),
    /** The timeout of each run, from the guest's start; default {@code PT60S}. */
    TIMEOUT("wasmguest.timeout", "PT60S", "the timeout of each run, from the guest's start"),
    /** The longest a run waits for its module to be prepared; default {@code PT10M}. */
    PREPARE_TIMEOUT(
            "wasmguest.prepare.timeout",
            "PT10M",
            "the longest a run waits for its module to be resolved," + " parsed and (compiler engine) translated"),
    /** The memory limit of each run (bytes, or with {@code k}, {@code m}, {@code g}); default {@code 512m}. */
    MAX_MEMORY("wasmguest.maxMemory", "512m", "the memory limit of each run (bytes, or with k, m, g)"),
    /** Bytes captured per output stream; default {@code 16m}. */
    MAX_OUTPUT("wasmguest.output.max", "16m", "bytes captured per output stream"),
    /**
     * The most bytes of files that the host directories mounted for one run may hold, since the guest works on an
     * in-memory copy of them; default {@code 256m}.
     *
     * @since 0.1
     */
    MOUNT_MAX_BYTES(
            "wasmguest.mount.maxBytes",
            "256m",
            "the most bytes of files a run's mounted host directories may hold: guests work on an in-memory copy"),
    /**
     * What becomes of imported functions that neither WASI nor the test provides: {@code fail} (the default), {@code
     * trap} or {@code default-values}; see {@link UnknownImports}.
     *
     * @since 0.1
     */
    IMPORTS_UNKNOWN(
            "wasmguest.imports.unknown",
            "fail",
            "fail, trap or default-values: what becomes of imported functions that neither WASI nor the test provides",
            List.of("fail", "trap", "default-values")),
    /** An ISO-8601 instant to fix the guests' clocks at; default: the host's clocks. */
    CLOCK("wasmguest.clock", "host clocks", "an ISO-8601 instant to fix the guests' clocks at"),
    /** A seed for the guests' random source; default: unpredictable. */
    RANDOM_SEED("wasmguest.random.seed", "unpredictable", "a seed for the guests' random source"),
    /** {@code all}: attach every test's runs to the JUnit report, not only failing ones'; default: failures. */
    REPORT(
            "wasmguest.report",
            "failures",
            "all: attach every test's runs to the JUnit report, not only failing ones'",
            List.of("failures", "all")),
    /** {@code update}: write missing and changed snapshots (refused when {@code CI=true}); default: compare. */
    SNAPSHOTS(
            "wasmguest.snapshots",
            "compare",
            "update: write missing and changed snapshots (refused when CI=true)",
            List.of("compare", "update")),
    /** Where snapshot files live; default {@code src/test/snapshots}. */
    SNAPSHOTS_DIR("wasmguest.snapshots.dir", "src/test/snapshots", "where snapshot files live"),
    /**
     * Where the suites engine finds suites when nothing is selected: directories, files or globs, comma-separated;
     * default none.
     */
    SUITES(
            "wasmguest.suites",
            "none",
            "where the suites engine finds suites when nothing is selected: directories, files or globs, comma-separated"),
    /** Globs over case names of spec-driven suites, comma-separated; default: all cases. */
    SUITES_CASES(
            "wasmguest.suites.cases",
            "all",
            "globs over case names of spec-driven suites, comma-separated (formerly wasmguest.suite.cases)"),
    /**
     * Expectation files of spec-driven suites (the suites engine and {@code WasiTestSuite}), comma-separated: the
     * upstream runner's TOML, or plain lists of cases expected to fail; default none.
     */
    SUITES_EXPECTATIONS(
            "wasmguest.suites.expectations",
            "none",
            "expectation files of spec-driven suites, comma-separated: upstream TOML, or plain lists of expected"
                    + " failures"),
    /** Plain lists of suite cases not to run, comma-separated; default none. */
    SUITES_SKIP("wasmguest.suites.skip", "none", "plain lists of suite cases not to run, comma-separated"),
    /** Where the suites engine writes its JSON report (the upstream runner's schema); default none. */
    SUITES_REPORT("wasmguest.suites.report", "none", "where the suites engine writes its JSON report"),
    /**
     * {@code k/n}: the suites engine runs only the k-th of n shards of the cases, each case in exactly one shard by a
     * stable hash of its suite's and its own name; default all cases.
     */
    SUITES_SHARD(
            "wasmguest.suites.shard",
            "none",
            "k/n: the suites engine runs the k-th of n shards of the cases, by a hash of suite and case names"),
    /** The timeout of each case of a spec-driven suite; default {@code PT5S}. */
    SUITES_TIMEOUT("wasmguest.suites.timeout", "PT5S", "the timeout of each case of a spec-driven suite"),
    /**
     * {@code true}: the suites engine runs cases in parallel; default as {@code
     * junit.jupiter.execution.parallel.enabled}.
     */
    SUITES_PARALLEL(
            "wasmguest.suites.parallel.enabled",
            "as junit.jupiter.execution.parallel.enabled",
            "true: the suites engine runs cases in parallel",
            List.of("true", "false"));

    private final String key;
    private final String defaultValue;
    private final String meaning;
    private final List<String> choices;

    WasmGuestSetting(String key, String defaultValue, String meaning) {
        this(key, defaultValue, meaning, List.of());
    }

    /** A setting whose value is one of {@code choices}, in any case. */
    WasmGuestSetting(String key, String defaultValue, String meaning, List<String> choices) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.choices = choices;
    }

    /**
     * The key, e.g. {@code wasmguest.timeout}.
     *
     * @return never {@code null}
     */
    public String key() {
        return key;
    }

    /**
     * The default, as documentation says it, e.g. {@code PT60S} or {@code host clocks}.
     *
     * @return never {@code null}
     */
    public String defaultValue() {
        return defaultValue;
    }

    /**
     * What the key means, in a line.
     *
     * @return never {@code null}
     */
    public String meaning() {
        return meaning;
    }

    /**
     * The values this key takes when it takes one of a fixed set, e.g. {@code auto}, {@code compiler} and {@code
     * interpreter} for {@code wasmguest.engine}; any case is accepted.
     *
     * @return the values in lower case; empty for a key that is not one of a fixed set
     * @since 0.1
     */
    public List<String> choices() {
        return choices;
    }

    /**
     * The setting with this key.
     *
     * @param key a key such as {@code wasmguest.timeout}
     * @return empty for a key wasmguest does not know
     */
    public static Optional<WasmGuestSetting> byKey(String key) {
        return Arrays.stream(values())
                .filter(setting -> setting.key.equals(key))
                .findFirst();
    }
}
