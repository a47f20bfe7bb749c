package dev.wasmguest.suites.internal;

import dev.wasmguest.suites.WasiSuitesEngine;
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

    static final String ENGINE_CLASS = WasiSuitesEngine.class.getName();

    private static final String SEGMENT = "class";

    SurefireTestSetDescriptor(UniqueId engineId, String displayName) {
        super(engineId.append(SEGMENT, ENGINE_CLASS), displayName, ClassSource.from(ENGINE_CLASS));
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
