package dev.wasmguest.suites.internal;

import dev.wasmguest.internal.suite.SuiteDirectory;
import java.time.Duration;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** A suite: a directory of cases, named by its manifest. Times itself for the report. */
final class SuiteDescriptor extends AbstractTestDescriptor implements Node<SuitesContext> {

    static final String SEGMENT = "suite";

    private final SuiteDirectory suite;
    private final ExecutionMode mode;
    private volatile long startedNanos;

    SuiteDescriptor(UniqueId parent, SuiteDirectory suite, ExecutionMode mode) {
        super(
                parent.append(SEGMENT, suite.directory().toUri().toString()),
                suite.name(),
                Sources.of(suite.directory()));
        this.suite = suite;
        this.mode = mode;
    }

    SuiteDirectory suite() {
        return suite;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return mode;
    }

    @Override
    public SuitesContext before(SuitesContext context) {
        startedNanos = System.nanoTime();
        return context;
    }

    @Override
    public void after(SuitesContext context) {
        context.report().suite(suite.name(), Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
