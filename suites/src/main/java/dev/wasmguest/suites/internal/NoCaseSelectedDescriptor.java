package dev.wasmguest.suites.internal;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * Stands for a selection of cases that matches none: a test that fails saying so and listing the cases there are,
 * so that a mistyped glob fails the build instead of passing with nothing run.
 */
final class NoCaseSelectedDescriptor extends AbstractTestDescriptor implements Node<SuitesContext> {

    private final String message;

    NoCaseSelectedDescriptor(UniqueId parent, String message) {
        super(parent.append("selection", "none"), "no case selected");
        this.message = message;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public SuitesContext execute(SuitesContext context, DynamicTestExecutor dynamicTestExecutor) {
        throw new IllegalArgumentException(message);
    }
}
