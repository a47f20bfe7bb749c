package dev.wasmguest.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.source.ResourceSource;
import dev.wasmguest.internal.suite.CaseRunner;
import dev.wasmguest.internal.suite.CaseSpec;
import dev.wasmguest.internal.suite.Expectations;
import dev.wasmguest.internal.suite.SuiteDirectory;
import dev.wasmguest.internal.suite.SuiteSettings;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * A directory of WASI programs with their expected behaviour, in the format of the WebAssembly community's
 * wasi-testsuite: every {@code name.wasm} is a case, {@code name.json} beside it (optional) its spec, and
 * {@code manifest.json} may name the suite. Run it from a test factory; each case is a test of its own:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> conformance() {
 *     return WasiTestSuite.inDirectory(Path.of("src/test/wasi/my-suite"))
 *             .withExpectedFailures(Path.of("src/test/wasi/my-suite.failing"))
 *             .tests();
 * }
 * }</pre>
 *
 * <p>Spec keys (absent keys take these defaults): {@code args} {@code []} (argv is the program name, then these),
 * {@code env} {@code {}} (exactly these variables), {@code exit_code} {@code 0}, {@code stdout} / {@code stderr}
 * (checked when present: the stream's first characters, newlines normalised, must equal the text), {@code dirs}
 * (legacy: each preopened under its own name) and {@code root} (preopened as {@code /}), paths relative to the spec.
 * Every case works on a fresh private copy of its fixtures, without {@code *.cleanup} files; the fixtures on disk
 * never change. Each case has the timeout of {@code wasmguest.suites.timeout} (default 5 s) unless changed.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WasiTestSuite {

    /**
     * The key selecting cases by glob, e.g. {@code -Dwasmguest.suites.cases=fd_*,path_open}: the same key as the
     * suites engine's. The former {@code wasmguest.suite.cases} is still read, with a deprecation warning.
     */
    public static final String CASES = "wasmguest.suites.cases";

    private final Path directory;
    /** Empty: {@code wasmguest.suites.timeout}. */
    private final Optional<Duration> timeout;

    private final Optional<WasiEngine> engine;
    private final Optional<Path> expectedFailures;
    private final Optional<Path> skipped;

    private WasiTestSuite(
            Path directory,
            Optional<Duration> timeout,
            Optional<WasiEngine> engine,
            Optional<Path> expectedFailures,
            Optional<Path> skipped) {
        this.directory = directory;
        this.timeout = timeout;
        this.engine = engine;
        this.expectedFailures = expectedFailures;
        this.skipped = skipped;
    }

    /**
     * The suite in a file-system directory; relative paths against the working directory.
     *
     * @param directory the suite's directory
     * @return the suite, with the timeout of {@code wasmguest.suites.timeout} per case (default 5 s); never {@code null}
     */
    public static WasiTestSuite inDirectory(Path directory) {
        return new WasiTestSuite(
                Objects.requireNonNull(directory, "directory"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The suite in a classpath directory, e.g. {@code "wasi/my-suite"}, from a directory or a jar.
     *
     * @param resourceDirectory the directory's resource name
     * @return the suite, with the timeout of {@code wasmguest.suites.timeout} per case (default 5 s); never {@code null}
     * @throws IllegalArgumentException when there is no such directory on the class path
     */
    public static WasiTestSuite onClasspath(String resourceDirectory) {
        ResourceSource resource = ResourceSource.inContext(resourceDirectory);
        URL url = resource.classLoader().getResource(resource.name());
        if (url == null) {
            throw new IllegalArgumentException("no suite directory \"" + resource.name() + "\" on the class path");
        }
        return inDirectory(SuiteDirectory.pathOf(url));
    }

    /**
     * This suite with another timeout per case than {@code wasmguest.suites.timeout} (default 5 s).
     *
     * @param value the timeout of each case
     * @return a new suite; this one is unchanged
     */
    public WasiTestSuite withTimeout(Duration value) {
        Objects.requireNonNull(value, "timeout");
        return new WasiTestSuite(directory, Optional.of(value), engine, expectedFailures, skipped);
    }

    /**
     * This suite run with the given engine instead of the configured one ({@code wasmguest.engine}).
     *
     * @param value the engine
     * @return a new suite; this one is unchanged
     */
    public WasiTestSuite withEngine(WasiEngine value) {
        return new WasiTestSuite(
                directory, timeout, Optional.of(Objects.requireNonNull(value, "engine")), expectedFailures, skipped);
    }

    /**
     * This suite with the cases known to fail: they are reported as skipped, with the reason and how they failed; one
     * that passes fails, saying it now passes and should leave the list. The file is a list (one name per line,
     * {@code #} comments) or, named {@code *.toml}, the upstream runner's expectations, which may also skip cases;
     * as for the suites engine. The files of {@code wasmguest.suites.expectations} apply too.
     *
     * @param listFile the list or TOML file, read when the tests are made
     * @return a new suite; this one is unchanged
     */
    public WasiTestSuite withExpectedFailures(Path listFile) {
        return new WasiTestSuite(
                directory, timeout, engine, Optional.of(Objects.requireNonNull(listFile, "listFile")), skipped);
    }

    /**
     * This suite with a list of cases not to run (one name per line, {@code #} comments); they are reported as skipped.
     * The lists of {@code wasmguest.suites.skip} apply too.
     *
     * @param listFile the list, read when the tests are made
     * @return a new suite; this one is unchanged
     */
    public WasiTestSuite withSkipped(Path listFile) {
        return new WasiTestSuite(
                directory,
                timeout,
                engine,
                expectedFailures,
                Optional.of(Objects.requireNonNull(listFile, "listFile")));
    }

    /**
     * The suite as one container of tests, one test per case in name order, named by the manifest (or the
     * directory). Cases not matched by {@value #CASES}, when set, are left out.
     *
     * @return one container, for a {@code @TestFactory} to return; never {@code null}
     * @throws UncheckedIOException when the directory or an expectation file cannot be read
     * @throws IllegalArgumentException when it holds no case, {@value #CASES} selects none of them (the message
     *     lists them), or an expectation file is malformed
     */
    public Stream<DynamicNode> tests() {
        // Read once for the whole suite: which cases, what is expected of them, and the run defaults.
        Settings settings = Settings.system();
        SuiteSettings configured = SuiteSettings.from(settings);
        SuiteDirectory suite = SuiteDirectory.of(directory);
        Expectations expectations = configured.expectations(
                expectedFailures.stream().toList(), skipped.stream().toList());
        CaseRunner runner = new CaseRunner(settings, engine, timeout.orElse(configured.timeout()));
        List<DynamicNode> cases = modules(suite, configured).stream()
                .map(module -> DynamicTest.dynamicTest(
                        displayName(module),
                        module.toUri(),
                        () -> runner.outcome(
                                        module, suite.name(), expectations.of(suite.name(), CaseSpec.caseName(module)))
                                .report()))
                .collect(Collectors.toList());
        return Stream.of(DynamicContainer.dynamicContainer(suite.name(), directory.toUri(), cases.stream()));
    }

    private List<Path> modules(SuiteDirectory suite, SuiteSettings configured) {
        if (suite.modules().isEmpty()) {
            throw new IllegalArgumentException(
                    "the suite directory " + directory.toAbsolutePath() + " holds no .wasm case");
        }
        List<Path> selected = suite.modules(configured.cases());
        if (selected.isEmpty()) {
            throw new IllegalArgumentException(configured.cases().selectsNoneOf(List.of(suite)));
        }
        return selected;
    }

    /**
     * The case name, and the engine when the suite chose one: a suite run in both engines then reports distinct
     * names, which Surefire needs to count every case.
     */
    private String displayName(Path module) {
        return CaseSpec.caseName(module)
                + engine.map(chosen -> " [" + chosen.name().toLowerCase(Locale.ROOT) + "]")
                        .orElse("");
    }
}
