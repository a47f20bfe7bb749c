package dev.wasmguest.suites.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.suite.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Builds the tree of suites and cases that a discovery request selects, with JUnit's {@link
 * EngineDiscoveryRequestResolver} and the engine's {@link SuitesSelectorResolver}.
 */
@API(status = INTERNAL, since = "0.1")
public final class SuitesDiscovery {

    private SuitesDiscovery() {}

    /**
     * @param engineClass the engine's class name, which Surefire selects to run the suites
     * @throws IllegalArgumentException naming the key or file of a malformed configuration
     */
    public static TestDescriptor discover(
            EngineDiscoveryRequest request, UniqueId engineId, String displayName, String engineClass) {
        SuitesConfiguration configuration = SuitesConfiguration.of(request.getConfigurationParameters());
        SuitesEngineDescriptor engine = new SuitesEngineDescriptor(engineId, displayName, configuration);
        boolean forSurefire = standsForTheSuites(request, engineClass);
        UniqueId suitesParent = forSurefire ? SurefireTestSetDescriptor.idOf(engineId, engineClass) : engineId;
        boolean runsConfigured = !explicitlySelected(request) && (forSurefire || !aimsAtJavaCode(request));
        Set<DiscoverySelector> configured = runsConfigured
                ? SuitesSelectorResolver.selectors(
                        SuitePaths.configured(
                                configuration.suites(), Thread.currentThread().getContextClassLoader()),
                        suitesParent)
                : Set.of();
        SuitesSelectorResolver.Scope scope =
                new SuitesSelectorResolver.Scope(configuration, engineClass, displayName, suitesParent, configured);
        EngineDiscoveryRequestResolver.<SuitesEngineDescriptor>builder()
                .addSelectorResolver(new SuitesSelectorResolver(scope))
                .build()
                .resolve(forSurefire ? request : new ConfiguredSuitesRequest(request, configured), engine);
        TestDescriptor parent = engine.findByUniqueId(suitesParent)
                .map(TestDescriptor.class::cast)
                .orElse(engine);
        configuration.shard().ifPresent(shard -> keepOnly(shard, parent));
        inOrder(parent);
        if (!configuration.suite().cases().selectsAll() && !parent.getChildren().isEmpty() && noCase(parent)) {
            parent.addChild(new NoCaseSelectedDescriptor(parent.getUniqueId(), nothingSelected(configuration, parent)));
        }
        return engine;
    }

    /** Removes the cases of other shards; a suite none of whose cases is this shard's stays, empty. */
    private static void keepOnly(Shard shard, TestDescriptor parent) {
        for (TestDescriptor suite : List.copyOf(parent.getChildren())) {
            for (TestDescriptor test : List.copyOf(suite.getChildren())) {
                if (test instanceof CaseDescriptor testCase
                        && !shard.holds(testCase.suiteName(), testCase.caseName())) {
                    test.removeFromHierarchy();
                }
            }
        }
    }

    /** Suites in the order of their directories, and cases in the order of their modules, whatever selected them. */
    private static void inOrder(TestDescriptor parent) {
        reorder(parent, Comparator.comparing(suite -> suite.getUniqueId().toString()));
        for (TestDescriptor suite : parent.getChildren()) {
            reorder(suite, Comparator.comparing(test -> ((CaseDescriptor) test).module()));
        }
    }

    private static void reorder(TestDescriptor parent, Comparator<TestDescriptor> order) {
        List<TestDescriptor> children = new ArrayList<>(parent.getChildren());
        children.sort(order);
        children.forEach(parent::removeChild);
        children.forEach(parent::addChild);
    }

    private static boolean noCase(TestDescriptor parent) {
        return parent.getDescendants().stream().noneMatch(CaseDescriptor.class::isInstance);
    }

    /**
     * Whether the request selects the engine's class, as Surefire does when its pom names it (see the README), or
     * re-runs cases found that way, as Surefire's {@code rerunFailingTestsCount} does by their unique ids.
     */
    private static boolean standsForTheSuites(EngineDiscoveryRequest request, String engineClass) {
        return request.getSelectorsByType(ClassSelector.class).stream()
                        .anyMatch(selector -> selector.getClassName().equals(engineClass))
                || request.getSelectorsByType(UniqueIdSelector.class).stream()
                        .anyMatch(selector -> SurefireTestSetDescriptor.isWithin(selector.getUniqueId()));
    }

    /** Whether the request names something itself; then {@code wasmguest.suites} does not add to it. */
    private static boolean explicitlySelected(EngineDiscoveryRequest request) {
        return !request.getSelectorsByType(DirectorySelector.class).isEmpty()
                || !request.getSelectorsByType(FileSelector.class).isEmpty()
                || !request.getSelectorsByType(ClasspathResourceSelector.class).isEmpty()
                || !request.getSelectorsByType(UniqueIdSelector.class).isEmpty();
    }

    /**
     * Whether the request picks classes or methods, as an IDE does that runs one Java test: it then means those
     * tests, not every configured suite too.
     */
    private static boolean aimsAtJavaCode(EngineDiscoveryRequest request) {
        return Stream.of(
                        ClassSelector.class,
                        MethodSelector.class,
                        NestedClassSelector.class,
                        NestedMethodSelector.class)
                .anyMatch(kind -> !request.getSelectorsByType(kind).isEmpty());
    }

    private static String nothingSelected(SuitesConfiguration configuration, TestDescriptor parent) {
        return configuration
                .suite()
                .cases()
                .selectsNoneOf(parent.getChildren().stream()
                        .map(suite -> ((SuiteDescriptor) suite).suite())
                        .collect(Collectors.toList()));
    }
}
