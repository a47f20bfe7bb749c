package dev.wasmguest.suites.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root of the suites' tree: holds the configuration discovery read, and writes the report at the end. */
@API(status = INTERNAL, since = "0.1")
public final class SuitesEngineDescriptor extends EngineDescriptor implements Node<SuitesContext> {

    private final SuitesConfiguration configuration;

    SuitesEngineDescriptor(UniqueId uniqueId, String displayName, SuitesConfiguration configuration) {
        super(uniqueId, displayName);
        this.configuration = configuration;
    }

    SuitesConfiguration configuration() {
        return configuration;
    }

    @Override
    public void after(SuitesContext context) {
        configuration.report().ifPresent(context.report()::write);
    }
}
