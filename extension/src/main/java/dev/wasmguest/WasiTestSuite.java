package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.load.GuestLoader;
import dev.wasmguest.internal.run.GuestRunner;
import dev.wasmguest.internal.run.Mount;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.internal.source.FileSource;
import dev.wasmguest.internal.source.ResourceSource;
import dev.wasmguest.internal.suite.CaseList;
import dev.wasmguest.internal.suite.CaseSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

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
 * never change. Each case has a timeout of 5 s unless changed.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WasiTestSuite {

    /** System property selecting cases by glob, e.g. {@code -Dwasmguest.suite.cases=fd_*,path_open}. */
    public static final String CASES = "wasmguest.suite.cases";

    private final Path directory;
    private final Duration timeout;
    private final Optional<WasiEngine> engine;
    private final CaseList expectedFailures;
    private final CaseList skipped;

    private WasiTestSuite(
            Path directory,
            Duration timeout,
            Optional<WasiEngine> engine,
            CaseList expectedFailures,
            CaseList skipped) {
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
     * @return the suite, with a timeout of 5 s per case; never {@code null}
     */
    public static WasiTestSuite inDirectory(Path directory) {
        return new WasiTestSuite(
                Objects.requireNonNull(directory, "directory"),
                Duration.ofSeconds(5),
                Optional.empty(),
                CaseList.empty(),
                CaseList.empty());
    }

    /**
     * The suite in a classpath directory, e.g. {@code "wasi/my-suite"}, from a directory or a jar.
     *
     * @param resourceDirectory the directory's resource name
     * @return the suite, with a timeout of 5 s per case; never {@code null}
     * @throws IllegalArgumentException when there is no such directory on the class path
     */
    public static WasiTestSuite onClasspath(String resourceDirectory) {
        ResourceSource resource = ResourceSource.inContext(resourceDirectory);
        URL url = resource.classLoader().getResource(resource.name());
        if (url == null) {
            throw new IllegalArgumentException("no suite directory \"" + resource.name() + "\" on the class path");
        }
        return inDirectory(pathOf(url));
    }

    private static Path pathOf(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // another suite of the same jar opened it
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalArgumentException("cannot open suite directory " + url, e);
        }
    }

    /**
     * This suite with another timeout per case (default 5 s).
     *
     * @param value the timeout of each case
     * @return a new suite; this one is unchanged
     */
    public WasiTestSuite withTimeout(Duration value) {
        Objects.requireNonNull(value, "timeout");
        return new WasiTestSuite(directory, value, engine, expectedFailures, skipped);
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
     * This suite with a list of cases known to fail (one name per line, {@code #} comments): they are reported as
     * skipped, with the reason and how they failed; one that passes fails, saying it now passes and should leave
     * the list.
     *
     * @param listFile the list
     * @return a new suite; this one is unchanged
     */
    public WasiTestSuite withExpectedFailures(Path listFile) {
        return new WasiTestSuite(directory, timeout, engine, CaseList.read(listFile), skipped);
    }

    /**
     * This suite with a list of cases not to run (one name per line, {@code #} comments); they are reported as skipped.
     *
     * @param listFile the list
     * @return a new suite; this one is unchanged
     */
    public WasiTestSuite withSkipped(Path listFile) {
        return new WasiTestSuite(directory, timeout, engine, expectedFailures, CaseList.read(listFile));
    }

    /**
     * The suite as one container of tests, one test per case in name order, named by the manifest (or the
     * directory). Cases not matched by {@value #CASES}, when set, are left out.
     *
     * @return one container, for a {@code @TestFactory} to return; never {@code null}
     * @throws UncheckedIOException when the directory cannot be listed
     * @throws IllegalArgumentException when it holds no case
     */
    public Stream<DynamicNode> tests() {
        // Read once for the whole suite: which cases, and the run defaults every case starts from.
        Settings settings = Settings.system();
        List<Path> modules = modules(settings);
        String suiteName = CaseSpec.suiteName(directory);
        List<DynamicNode> cases = modules.stream()
                .map(module -> DynamicTest.dynamicTest(
                        displayName(module), module.toUri(), () -> runCase(module, suiteName, settings)))
                .collect(Collectors.toList());
        return Stream.of(DynamicContainer.dynamicContainer(suiteName, directory.toUri(), cases.stream()));
    }

    private List<Path> modules(Settings settings) {
        List<PathMatcher> selected = settings.get(CASES).stream()
                .flatMap(globs -> Stream.of(globs.split(",")))
                .map(String::strip)
                .filter(glob -> !glob.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .collect(Collectors.toList());
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> modules = files.filter(
                            file -> file.getFileName().toString().endsWith(".wasm"))
                    .filter(file -> selected.isEmpty()
                            || selected.stream().anyMatch(glob -> glob.matches(Path.of(caseName(file)))))
                    .sorted()
                    .collect(Collectors.toList());
            if (modules.isEmpty() && selected.isEmpty()) {
                throw new IllegalArgumentException(
                        "the suite directory " + directory.toAbsolutePath() + " holds no .wasm case");
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the suite directory " + directory.toAbsolutePath(), e);
        }
    }

    /**
     * The case name, and the engine when the suite chose one: a suite run in both engines then reports distinct
     * names, which Surefire needs to count every case.
     */
    private String displayName(Path module) {
        return caseName(module)
                + engine.map(chosen -> " [" + chosen.name().toLowerCase(Locale.ROOT) + "]")
                        .orElse("");
    }

    private static String caseName(Path module) {
        String file = module.getFileName().toString();
        return file.substring(0, file.length() - ".wasm".length());
    }

    private void runCase(Path module, String suiteName, Settings settings) {
        String name = caseName(module);
        if (skipped.contains(name)) {
            throw new TestAbortedException("skipped: listed in " + skipped.file());
        }
        Optional<AssertionError> failure = check(CaseSpec.read(module), suiteName, settings);
        if (expectedFailures.contains(name)) {
            if (failure.isEmpty()) {
                throw new AssertionFailedError(
                        "case " + name + " now passes, remove it from the list " + expectedFailures.file());
            }
            throw new TestAbortedException("expected failure (listed in " + expectedFailures.file() + "): "
                    + failure.get()
                            .getMessage()
                            .lines()
                            .skip(1)
                            .findFirst()
                            .orElse("")
                            .strip());
        }
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    private Optional<AssertionError> check(CaseSpec spec, String suiteName, Settings settings) {
        WasiResult result = runnerFor(spec, settings).run();
        List<String> problems = new ArrayList<>();
        if (!result.exited() || result.exitCode() != spec.exitCode()) {
            problems.add("expected exit code " + spec.exitCode() + " but it " + result.describeOutcome());
        }
        Optional<String> stdoutProblem =
                spec.stdout().flatMap(expected -> prefixProblem("stdout", expected, result.stdout()));
        Optional<String> stderrProblem =
                spec.stderr().flatMap(expected -> prefixProblem("stderr", expected, result.stderr()));
        stdoutProblem.ifPresent(problems::add);
        stderrProblem.ifPresent(problems::add);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String message = "Case " + spec.name() + " of suite \"" + suiteName + "\" failed:\n  "
                + String.join("\n  ", problems) + "\n" + SuiteContext.describe(spec, result);
        if (problems.size() == 1 && stdoutProblem.isPresent()) {
            String expected = normalize(spec.stdout().get());
            String actual = normalize(result.stdout());
            return Optional.of(new AssertionFailedError(
                    message, expected, actual.substring(0, Math.min(actual.length(), expected.length()))));
        }
        return Optional.of(new AssertionFailedError(message));
    }

    private WasiRunner runnerFor(CaseSpec spec, Settings settings) {
        RunSpec defaults = RunSpec.defaults(settings);
        RunSpec runSpec = defaults.withEngine(engine.map(WasiEngine::core).orElse(defaults.engine()))
                .withLimits(defaults.limits().withTimeout(timeout))
                .withArgv0(spec.name() + ".wasm")
                .withArgs(spec.args());
        for (Map.Entry<String, String> variable : spec.env().entrySet()) {
            runSpec = runSpec.withEnv(variable.getKey(), variable.getValue());
        }
        Path base = spec.module().getParent();
        for (String dir : spec.dirs()) {
            runSpec = runSpec.withMount(Mount.fixture(dir, base.resolve(dir)));
        }
        if (spec.root().isPresent()) {
            runSpec = runSpec.withMount(
                    Mount.fixture("/", base.resolve(spec.root().get())));
        }
        return new WasiRunner(GuestRunner.of(
                GuestLoader.fromSettings(settings).handle(new FileSource(spec.module()), Optional.empty()), runSpec));
    }

    private static Optional<String> prefixProblem(String stream, String expected, String actual) {
        String wanted = normalize(expected);
        String got = normalize(actual);
        if (got.startsWith(wanted)) {
            return Optional.empty();
        }
        return Optional.of(stream + " was expected to start with:\n    " + indent(wanted) + "\n  but was:\n    "
                + indent(got.length() > wanted.length() + 200 ? got.substring(0, wanted.length() + 200) + "…" : got));
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n");
    }

    private static String indent(String text) {
        return "| " + text.replace("\n", "\n    | ");
    }

    /** The context of a failed case: spec, argv, env, fixtures and how the run ended, with its output. */
    private static final class SuiteContext {

        static String describe(CaseSpec spec, WasiResult result) {
            String fixtures = Stream.concat(spec.dirs().stream(), spec.root().map(root -> root + " (as /)").stream())
                    .collect(Collectors.joining(", "));
            return "\nCase " + spec.name() + "\n"
                    + "  module:   " + spec.module() + "\n"
                    + "  spec:     " + spec.specFile().map(Path::toString).orElse("(none: defaults)") + "\n"
                    + "  argv:     " + result.argv() + "\n"
                    + "  env:      " + result.env().keySet() + "\n"
                    + "  fixture:  " + (fixtures.isEmpty() ? "(none)" : fixtures) + "\n"
                    + "  ended:    " + result.describeOutcome() + "\n"
                    + "  stdout:   " + excerpt(result.stdout()) + "\n"
                    + "  stderr:   " + excerpt(result.stderr());
        }

        private static String excerpt(String text) {
            if (text.isEmpty()) {
                return "(empty)";
            }
            String shown = text.length() > 2000
                    ? text.substring(0, 2000) + "… " + (text.length() - 2000) + " more characters"
                    : text;
            return "\n    | " + shown.replace("\n", "\n    | ");
        }
    }
}
