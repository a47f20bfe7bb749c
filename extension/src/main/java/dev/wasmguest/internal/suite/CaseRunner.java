package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.load.ModuleLoader;
import dev.wasmguest.internal.run.GuestRunner;
import dev.wasmguest.internal.run.Mount;
import dev.wasmguest.internal.run.ReproduceCommand;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.internal.source.FileSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Runs the cases of suites: reads a case's spec, runs its module as the spec says on a private copy of its fixtures,
 * compares the run with the spec and weighs the result against the case's expectation. Shared by the
 * {@code WasiTestSuite} test factories and the suites' test engine. Immutable and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class CaseRunner {

    private final Settings settings;
    private final Optional<WasiEngine> engine;
    private final Duration timeout;

    /**
     * @param settings where the cache, limits and engine are configured
     * @param engine the engine to run in, instead of the configured one, when present
     * @param timeout the timeout of each case
     */
    public CaseRunner(Settings settings, Optional<WasiEngine> engine, Duration timeout) {
        this.settings = settings;
        this.engine = engine;
        this.timeout = timeout;
    }

    /** Runs the case of {@code module} unless {@code expectation} skips it, and says how that went; never throws. */
    public CaseOutcome outcome(Path module, String suiteName, Expectation expectation) {
        if (expectation.kind() == Expectation.Kind.SKIP) {
            return CaseOutcome.skipped("skipped: listed in " + expectation.describe());
        }
        CaseSpec spec;
        try {
            spec = CaseSpec.read(module);
        } catch (RuntimeException malformed) {
            return CaseOutcome.broken(malformed);
        }
        if (spec.unsupported().isPresent()) {
            return CaseOutcome.skipped(
                    "skipped: case " + spec.name() + " " + spec.unsupported().get());
        }
        try {
            return CaseOutcome.of(check(spec, suiteName), expectation);
        } catch (RuntimeException cannotRun) {
            return CaseOutcome.broken(cannotRun);
        }
    }

    /** Runs {@code spec}'s case once and compares the run with the spec. */
    public CaseVerdict check(CaseSpec spec, String suiteName) {
        RunSpec runSpec = runSpec(spec);
        WasiResult record = GuestRunner.of(
                        ModuleLoader.fromSettings(settings).handle(new FileSource(spec.module()), Optional.empty()),
                        runSpec)
                .run();
        List<String> problems = new ArrayList<>();
        if (record.outcome() != WasiOutcome.EXITED || record.exitCode() != spec.exitCode()) {
            problems.add("expected exit code " + spec.exitCode() + " but it " + record.describeOutcome());
        }
        spec.stdout()
                .flatMap(expected -> prefixProblem("stdout", expected, record.stdoutBytes()))
                .ifPresent(problems::add);
        spec.stderr()
                .flatMap(expected -> prefixProblem("stderr", expected, record.stderrBytes()))
                .ifPresent(problems::add);
        return new CaseVerdict(
                spec, suiteName, record, problems, ReproduceCommand.of(spec.module(), runSpec, settings));
    }

    private RunSpec runSpec(CaseSpec spec) {
        RunSpec defaults = RunSpec.defaults(settings);
        RunSpec runSpec = defaults.withEngine(engine.orElse(defaults.engine()))
                .withLimits(defaults.limits().withTimeout(timeout))
                .withArgv0(spec.name() + ".wasm")
                .withArgs(spec.args())
                .withStdin(spec.stdin().getBytes(StandardCharsets.UTF_8));
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
        return runSpec;
    }

    private static Optional<String> prefixProblem(String stream, String expected, byte[] actual) {
        String wanted = normalize(expected);
        String got = normalize(CaseVerdict.text(actual));
        if (got.startsWith(wanted)) {
            return Optional.empty();
        }
        return Optional.of(stream + " was expected to start with:\n    " + indent(wanted) + "\n  but was:\n    "
                + indent(got.length() > wanted.length() + 200 ? got.substring(0, wanted.length() + 200) + "…" : got));
    }

    static String normalize(String text) {
        return text.replace("\r\n", "\n");
    }

    private static String indent(String text) {
        return "| " + text.replace("\n", "\n    | ");
    }
}
