package dev.wasmguest.suites.internal;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The one container that Maven Surefire reports as a test set when it runs the suites through the engine's class
 * (see the README's zero-Java setup). Surefire files a test under the nearest container below the root that has a
 * class source, and counts it only if that container is the test set it started: so all suites hang below this
 * one, which stands for the engine's class. Other launchers never see it.
 */
final class SurefireTestSetDescriptor extends AbstractTestDescriptor implements Node<SuitesContext> {

    static final String SEGMENT = "class";

    /** @param engineClass the engine's class name, as Surefire selected it */
    SurefireTestSetDescriptor(UniqueId engineId, String displayName, String engineClass) {
        super(idOf(engineId, engineClass), displayName, ClassSource.from(engineClass));
    }

    /** The unique id of the container for {@code engineClass} below the engine. */
    static UniqueId idOf(UniqueId engineId, String engineClass) {
        return engineId.append(SEGMENT, engineClass);
    }

    /** Whether the id names this container or something below it. */
    static boolean isWithin(UniqueId id) {
        return id.getSegments().stream().anyMatch(segment -> segment.getType().equals(SEGMENT));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
