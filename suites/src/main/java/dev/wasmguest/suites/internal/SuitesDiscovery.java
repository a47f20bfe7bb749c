package dev.wasmguest.suites.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.suite.CaseSpec;
import dev.wasmguest.internal.suite.SuiteDirectory;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
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
import org.junit.platform.engine.support.hierarchical.Node.ExecutionMode;

/** Builds the tree of suites and cases that a discovery request selects. */
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
        TestDescriptor parent = engine;
        boolean forSurefire = standsForTheSuites(request, engineClass);
        if (forSurefire) {
            parent = new SurefireTestSetDescriptor(engineId, displayName, engineClass);
            engine.addChild(parent);
        }
        SuiteSelection selection = select(request, engineId);
        if (selection.isEmpty() && !explicitlySelected(request) && (forSurefire || !aimsAtJavaCode(request))) {
            selection.configured(configuration.suites(), Thread.currentThread().getContextClassLoader());
        }
        ExecutionMode mode = configuration.parallel() ? ExecutionMode.CONCURRENT : ExecutionMode.SAME_THREAD;
        int selectedCases = 0;
        List<Map.Entry<Path, Optional<Set<String>>>> suites = selection.suites().entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().toUri().toString()))
                .collect(Collectors.toList());
        for (Map.Entry<Path, Optional<Set<String>>> entry : suites) {
            SuiteDescriptor suite = new SuiteDescriptor(parent.getUniqueId(), SuiteDirectory.of(entry.getKey()), mode);
            for (Path module : suite.suite().modules()) {
                String caseName = CaseSpec.caseName(module);
                if (entry.getValue().map(names -> names.contains(caseName)).orElse(true)
                        && configuration.cases().matches(caseName)) {
                    suite.addChild(new CaseDescriptor(
                            suite.getUniqueId(),
                            module,
                            suite.suite().name(),
                            configuration.expectations().of(suite.suite().name(), caseName),
                            mode));
                    selectedCases++;
                }
            }
            parent.addChild(suite);
        }
        if (selectedCases == 0 && !configuration.cases().selectsAll() && !suites.isEmpty()) {
            parent.addChild(new NoCaseSelectedDescriptor(parent.getUniqueId(), nothingSelected(configuration, parent)));
        }
        return engine;
    }

    private static SuiteSelection select(EngineDiscoveryRequest request, UniqueId engineId) {
        SuiteSelection selection = new SuiteSelection();
        request.getSelectorsByType(DirectorySelector.class)
                .forEach(selector -> selection.directory(selector.getPath()));
        request.getSelectorsByType(FileSelector.class).forEach(selector -> selection.file(selector.getPath()));
        request.getSelectorsByType(ClasspathResourceSelector.class)
                .forEach(selector -> selection.classpathResource(
                        selector.getClasspathResourceName(),
                        Thread.currentThread().getContextClassLoader()));
        request.getSelectorsByType(UniqueIdSelector.class).stream()
                .map(UniqueIdSelector::getUniqueId)
                .filter(id -> id.hasPrefix(engineId))
                .forEach(id -> byUniqueId(id, selection));
        return selection;
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

    private static void byUniqueId(UniqueId id, SuiteSelection selection) {
        Optional<Path> directory = id.getSegments().stream()
                .filter(segment -> segment.getType().equals(SuiteDescriptor.SEGMENT))
                .findFirst()
                .map(segment -> directory(segment.getValue()));
        Optional<String> caseName = id.getSegments().stream()
                .filter(segment -> segment.getType().equals(CaseDescriptor.SEGMENT))
                .findFirst()
                .map(UniqueId.Segment::getValue);
        if (directory.isEmpty()) {
            return; // the engine's own id: what wasmguest.suites configures
        }
        if (caseName.isPresent()) {
            selection.cases(directory.get(), Set.of(caseName.get()));
        } else {
            selection.directory(directory.get());
        }
    }

    private static Path directory(String uri) {
        try {
            return SuiteDirectory.pathOf(new URI(uri).toURL());
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException("not a suite's unique id segment: " + uri, e);
        }
    }

    private static String nothingSelected(SuitesConfiguration configuration, TestDescriptor parent) {
        String cases = parent.getChildren().stream()
                .map(suite -> "  " + suite.getDisplayName() + ": "
                        + String.join(", ", ((SuiteDescriptor) suite).suite().caseNames()))
                .collect(Collectors.joining("\n"));
        return WasmGuestSetting.SUITES_CASES.key() + "=" + configuration.cases().text()
                + " selects no case. The cases there are:\n" + cases;
    }
}
