package dev.wasmguest.suites.internal;

import dev.wasmguest.internal.suite.CaseOutcome;
import dev.wasmguest.internal.suite.CaseSpec;
import dev.wasmguest.internal.suite.CaseVerdict;
import dev.wasmguest.internal.suite.Expectation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One case: a test named {@code suite › case}, whose source is its spec (else its module). Runs through the core's
 * case runner and reports to the suites' report.
 */
final class CaseDescriptor extends AbstractTestDescriptor implements Node<SuitesContext> {

    static final String SEGMENT = "case";

    private final Path module;
    private final String suiteName;
    private final Expectation expectation;
    private final ExecutionMode mode;

    CaseDescriptor(UniqueId suiteId, Path module, String suiteName, Expectation expectation, ExecutionMode mode) {
        super(
                suiteId.append(SEGMENT, CaseSpec.caseName(module)),
                displayName(suiteName, CaseSpec.caseName(module)),
                Sources.of(specOrModule(module)));
        this.module = module;
        this.suiteName = suiteName;
        this.expectation = expectation;
        this.mode = mode;
    }

    /** The case's module. */
    Path module() {
        return module;
    }

    /** The name of the case's suite. */
    String suiteName() {
        return suiteName;
    }

    /** The case's name: its module's, without {@code .wasm}. */
    String caseName() {
        return CaseSpec.caseName(module);
    }

    static String displayName(String suiteName, String caseName) {
        return suiteName + " › " + caseName;
    }

    private static Path specOrModule(Path module) {
        Path spec = module.resolveSibling(CaseSpec.caseName(module) + ".json");
        return Files.isRegularFile(spec) ? spec : module;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return mode;
    }

    @Override
    public SkipResult shouldBeSkipped(SuitesContext context) {
        if (expectation.kind() != Expectation.Kind.SKIP) {
            return SkipResult.doNotSkip();
        }
        CaseOutcome skipped = context.runner().outcome(module, suiteName, expectation);
        record(context, skipped, Duration.ZERO);
        return SkipResult.skip(skipped.message());
    }

    @Override
    public SuitesContext execute(SuitesContext context, DynamicTestExecutor dynamicTestExecutor) {
        long started = System.nanoTime();
        CaseOutcome outcome = context.runner().outcome(module, suiteName, expectation);
        record(context, outcome, Duration.ofNanos(System.nanoTime() - started));
        outcome.report();
        return context;
    }

    private void record(SuitesContext context, CaseOutcome outcome, Duration duration) {
        List<String> wasiFunctions = outcome.verdict()
                .map(CaseVerdict::spec)
                .map(CaseSpec::wasiFunctions)
                .orElse(List.of());
        context.report()
                .add(
                        suiteName,
                        new SuiteReport.Case(
                                CaseSpec.caseName(module),
                                outcome.status(),
                                duration,
                                wasiFunctions,
                                outcome.failures()));
    }
}
