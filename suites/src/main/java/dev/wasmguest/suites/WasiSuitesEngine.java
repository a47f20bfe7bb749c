package dev.wasmguest.suites;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.suites.internal.SuitesContext;
import dev.wasmguest.suites.internal.SuitesDiscovery;
import dev.wasmguest.suites.internal.SuitesEngineDescriptor;
import dev.wasmguest.suites.internal.SuitesExecution;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;

/**
 * The JUnit Platform test engine {@value #ID}: runs folders of WASI programs in the wasi-testsuite format as tests,
 * with no Java test code. Each {@code .wasm} of a suite directory is a test named {@code suite › case}; its spec
 * ({@code name.json}) says how to run it and what it must do. Registered through {@link java.util.ServiceLoader},
 * so Maven Surefire, Gradle, IDEs and the ConsoleLauncher find it on the test class path; configured by the
 * parameters in {@link Constants}.
 *
 * <p>Users do not call this class; it is public for the service loader, and Maven Surefire selects it by name: a
 * request that selects this class runs the configured suites and reports them as one test set of this class.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WasiSuitesEngine extends HierarchicalTestEngine<SuitesContext> {

    /** The engine's id, for {@code @IncludeEngines} and {@code --include-engine}. */
    public static final String ID = "wasmguest-suites";

    /** Creates the engine; the JUnit Platform does, through the service loader. */
    public WasiSuitesEngine() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.wasmguest");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("wasmguest-suites");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest discoveryRequest, UniqueId uniqueId) {
        return SuitesDiscovery.discover(
                discoveryRequest, uniqueId, "wasmguest suites", getClass().getName());
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        return SuitesExecution.executorService(request);
    }

    @Override
    protected SuitesContext createExecutionContext(ExecutionRequest request) {
        return SuitesExecution.context((SuitesEngineDescriptor) request.getRootTestDescriptor());
    }
}
