package dev.wasmguest.suites.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

/** How the engine executes what it discovered: in parallel or not, with one shared context. */
@API(status = INTERNAL, since = "0.1")
public final class SuitesExecution {

    /** The prefix of the keys that configure the pool of parallel runs, as Jupiter's do for its own. */
    public static final String PARALLEL_CONFIG_PREFIX = "wasmguest.suites.parallel.config.";

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
        return new ForkJoinPoolHierarchicalTestExecutorService(
                new PrefixedConfigurationParameters(request.getConfigurationParameters(), PARALLEL_CONFIG_PREFIX));
    }
}
