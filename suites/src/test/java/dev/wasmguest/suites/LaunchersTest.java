package dev.wasmguest.suites;

import static dev.wasmguest.suites.WasiSuitesEngineTest.OPS;
import static dev.wasmguest.suites.WasiSuitesEngineTest.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The ways other tools reach the engine: {@code @Suite} classes of junit-platform-suite, and Maven Surefire, which
 * selects the engine's class and reports tests by the class-sourced container they sit in.
 */
class LaunchersTest {

    @Suite
    @IncludeEngines(WasiSuitesEngine.ID)
    @SelectDirectories("../guests/ops-suite")
    static class OpsSuiteByDirectory {}

    @Suite
    @IncludeEngines(WasiSuitesEngine.ID)
    @SelectClasspathResource("wasi/ops-suite")
    static class OpsSuiteByClasspathResource {}

    @ParameterizedTest
    @ValueSource(classes = {OpsSuiteByDirectory.class, OpsSuiteByClasspathResource.class})
    void aSuiteClassSelectsSuites(Class<?> suiteClass) {
        EngineExecutionResults results = EngineTestKit.engine("junit-platform-suite")
                .selectors(selectClass(suiteClass))
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(names(results)).contains("wasmguest operations suite › upper");
    }

    @Test
    void surefireFindsEveryCaseInOneContainerThatStandsForTheEngineClass() {
        TestPlan plan = asSurefireDoes();

        TestIdentifier root = plan.getRoots().stream()
                .filter(identifier -> identifier
                        .getUniqueIdObject()
                        .getEngineId()
                        .orElseThrow()
                        .equals(WasiSuitesEngine.ID))
                .findFirst()
                .orElseThrow();
        List<TestIdentifier> testSets = List.copyOf(plan.getChildren(root));
        assertThat(testSets).hasSize(1);
        assertThat(testSets.get(0).getSource()).contains(ClassSource.from(WasiSuitesEngine.class));
        assertThat(plan.getDescendants(testSets.get(0)).stream().filter(TestIdentifier::isTest))
                .extracting(TestIdentifier::getDisplayName)
                .containsExactly(
                        "wasmguest operations suite › exit_seven",
                        "wasmguest operations suite › read_root",
                        "wasmguest operations suite › upper");
    }

    @Test
    void surefiresRerunOfAFailedCaseKeepsItInThatContainer() {
        TestPlan first = asSurefireDoes();
        String upper = testIds(first).stream()
                .filter(id -> id.endsWith("[case:upper]"))
                .findFirst()
                .orElseThrow();

        TestPlan rerun = discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectUniqueId(upper))
                .build());

        assertThat(testIds(rerun)).containsExactly(upper);
    }

    @Test
    void aRequestForJavaClassesRunsNoConfiguredSuite() {
        TestPlan plan = discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(LaunchersTest.class))
                .configurationParameter(Constants.SUITES, OPS.toString())
                .filters(includeEngines(WasiSuitesEngine.ID))
                .build());

        assertThat(testIds(plan)).isEmpty();
    }

    /** Discovers the operations suite as Surefire does with the README's pom: by the engine's class. */
    private static TestPlan asSurefireDoes() {
        return discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(WasiSuitesEngine.class))
                .configurationParameter(Constants.SUITES, OPS.toString())
                .build());
    }

    private static TestPlan discover(LauncherDiscoveryRequest request) {
        return LauncherFactory.create().discover(request);
    }

    private static List<String> testIds(TestPlan plan) {
        return plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .map(TestIdentifier::getUniqueId)
                .collect(Collectors.toList());
    }
}
