package dev.wasmguest.suites.internal;

import dev.wasmguest.suites.Constants;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

/** How the engine executes what it discovered: in parallel or not, with one shared context. */
public final class SuitesExecution {

    private SuitesExecution() {}

    public static SuitesContext context(SuitesEngineDescriptor root) {
        return SuitesContext.of(root.configuration());
    }

    /** A fork-join pool configured as Jupiter's when cases run in parallel, else the calling thread. */
    public static HierarchicalTestExecutorService executorService(ExecutionRequest request) {
        SuitesEngineDescriptor root = (SuitesEngineDescriptor) request.getRootTestDescriptor();
        if (!root.configuration().parallel()) {
            return new SameThreadHierarchicalTestExecutorService();
        }
        return new ForkJoinPoolHierarchicalTestExecutorService(new PrefixedConfigurationParameters(
                request.getConfigurationParameters(), Constants.PARALLEL_CONFIG_PREFIX));
    }
}
