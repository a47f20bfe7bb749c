package dev.wasmguest.suites;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The configuration parameters of the suites engine. Set them where JUnit reads configuration parameters:
 * {@code src/test/resources/junit-platform.properties}, Surefire's {@code configurationParameters}, the
 * ConsoleLauncher's {@code --config}, or system properties. Paths are relative to the working directory.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Constants {

    /**
     * Where the suites are, when no directory, file, class-path resource or unique id is selected: comma-separated
     * directories, files or globs, such as {@code src/test/wasi} or {@code wasi-testsuite/tests/*}{@code /testsuite}.
     * A directory holding {@code .wasm} files is a suite; any other directory is searched for suites.
     */
    public static final String SUITES = "wasmguest.suites";

    /** Which cases run: comma-separated globs over case names, such as {@code fd_*,path_open}; default all. */
    public static final String CASES = "wasmguest.suites.cases";

    /**
     * Expectation files, comma-separated: the upstream runner's TOML format ({@code *.toml}: skips and expected
     * failures by suite), or plain lists of cases expected to fail (one name per line, {@code #} comments).
     */
    public static final String EXPECTATIONS = "wasmguest.suites.expectations";

    /** Plain lists of cases not to run, comma-separated (one name per line, {@code #} comments). */
    public static final String SKIP = "wasmguest.suites.skip";

    /** Where to write the JSON report in the upstream runner's schema; none unless set. */
    public static final String REPORT = "wasmguest.suites.report";

    /**
     * Which shard of the cases runs, {@code k/n} (1 &lt;= k &lt;= n): a CI matrix of n jobs, job k running shard k/n,
     * runs every case exactly once. A case's shard is a hash of its suite's and its own name. Each shard's report
     * says which it is; {@code java -jar wasmguest-cli.jar --merge-reports OUT SHARD.json...} merges them.
     */
    public static final String SHARD = "wasmguest.suites.shard";

    /** The timeout of each case, an ISO-8601 duration such as {@code PT10S}; default 5 seconds. */
    public static final String TIMEOUT = "wasmguest.suites.timeout";

    /**
     * Whether cases run in parallel: {@code true} or {@code false}; by default as JUnit Jupiter's
     * {@code junit.jupiter.execution.parallel.enabled}. The pool is configured as Jupiter's, by keys under
     * {@value #PARALLEL_CONFIG_PREFIX} ({@code strategy}, {@code fixed.parallelism}, ...).
     */
    public static final String PARALLEL = "wasmguest.suites.parallel.enabled";

    /** The prefix of the keys that configure the pool of parallel runs, as Jupiter's do for its own. */
    public static final String PARALLEL_CONFIG_PREFIX = "wasmguest.suites.parallel.config.";

    private Constants() {}
}
