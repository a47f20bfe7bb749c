package dev.wasmguest.suites.internal;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.wasmguest.internal.suite.CaseSpec;
import dev.wasmguest.internal.suite.SuiteDirectory;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;
import org.junit.platform.engine.support.hierarchical.Node.ExecutionMode;

/**
 * The suites engine's selection rules, as JUnit's resolvers carry them for Java tests: a directory, a file or a
 * class-path resource selects suites and cases by unique id, and a unique id makes the suite or case it names, inside
 * its parent. Selecting the engine's class (as Surefire does) makes the one container Surefire reports, holding the
 * configured suites ({@code wasmguest.suites}).
 */
final class SuitesSelectorResolver implements SelectorResolver {

    /**
     * @param suitesParent where suites hang: the engine, or the container that stands for its class in Surefire
     * @param configured the configured suites' selectors, for the container of the engine's class
     */
    record Scope(
            SuitesConfiguration configuration,
            String engineClass,
            String displayName,
            UniqueId suitesParent,
            Set<DiscoverySelector> configured) {}

    private final Scope scope;
    private final ExecutionMode mode;

    SuitesSelectorResolver(Scope scope) {
        this.scope = scope;
        this.mode = scope.configuration().parallel() ? ExecutionMode.CONCURRENT : ExecutionMode.SAME_THREAD;
    }

    /** The unique-id selectors of what {@code named} names. */
    static Set<DiscoverySelector> selectors(List<SuitePaths.Named> named, UniqueId suitesParent) {
        return named.stream()
                .map(each -> {
                    UniqueId suite = suitesParent.append(
                            SuiteDescriptor.SEGMENT, each.directory().toUri().toString());
                    return selectUniqueId(each.caseName()
                            .map(name -> suite.append(CaseDescriptor.SEGMENT, name))
                            .orElse(suite));
                })
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        return paths(SuitePaths.directory(selector.getPath()));
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        return paths(SuitePaths.file(selector.getPath()));
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        return paths(SuitePaths.classpathResource(
                selector.getClasspathResourceName(), Thread.currentThread().getContextClassLoader()));
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        return selector.getClassName().equals(scope.engineClass()) ? testSet(context) : Resolution.unresolved();
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        UniqueId.Segment last = segments.get(segments.size() - 1);
        return switch (last.getType()) {
            case SurefireTestSetDescriptor.SEGMENT ->
                last.getValue().equals(scope.engineClass()) ? testSet(context) : Resolution.unresolved();
            case SuiteDescriptor.SEGMENT -> suite(id, last.getValue(), context);
            case CaseDescriptor.SEGMENT -> testCase(id, last.getValue(), context);
            default -> Resolution.unresolved();
        };
    }

    private Resolution paths(List<SuitePaths.Named> named) {
        Set<DiscoverySelector> selectors = selectors(named, scope.suitesParent());
        return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
    }

    /** The container Surefire reports as the test set of the engine's class, holding the configured suites. */
    private Resolution testSet(Context context) {
        return exact(
                context.addToParent(parent -> Optional.of(
                        new SurefireTestSetDescriptor(parent.getUniqueId(), scope.displayName(), scope.engineClass()))),
                scope::configured);
    }

    private Resolution suite(UniqueId id, String directoryUri, Context context) {
        Path directory = directory(directoryUri);
        if (!Files.isDirectory(directory) || !SuiteDirectory.holdsCases(directory)) {
            return Resolution.unresolved();
        }
        SuiteDirectory suite = SuiteDirectory.of(directory);
        Optional<SuiteDescriptor> made = context.addToParent(
                () -> selectUniqueId(id.removeLastSegment()),
                parent -> Optional.of(new SuiteDescriptor(parent.getUniqueId(), suite, mode)));
        return exact(made, () -> made.map(this::cases).orElse(Set.of()));
    }

    /** The selectors of the suite's cases that {@code wasmguest.suites.cases} selects, in name order. */
    private Set<DiscoverySelector> cases(SuiteDescriptor suite) {
        return suite.suite().modules(scope.configuration().suite().cases()).stream()
                .map(module ->
                        selectUniqueId(suite.getUniqueId().append(CaseDescriptor.SEGMENT, CaseSpec.caseName(module))))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The case, unless {@code wasmguest.suites.cases} leaves it out: then its suite alone, so that a selection of
     * nothing but such cases says which cases there are.
     */
    private Resolution testCase(UniqueId id, String caseName, Context context) {
        DiscoverySelector suiteSelector = selectUniqueId(id.removeLastSegment());
        if (!scope.configuration().suite().cases().matches(caseName)) {
            return context.resolve(suiteSelector)
                    .map(suite -> Resolution.match(Match.partial(suite)))
                    .orElseGet(Resolution::unresolved);
        }
        return exact(
                context.addToParent(() -> suiteSelector, parent -> caseOf(parent, caseName)),
                Set::<DiscoverySelector>of);
    }

    private Optional<CaseDescriptor> caseOf(TestDescriptor parent, String caseName) {
        if (!(parent instanceof SuiteDescriptor suite)) {
            return Optional.empty();
        }
        Path module = suite.suite().directory().resolve(caseName + ".wasm");
        if (!SuiteDirectory.isCase(module)) {
            return Optional.empty();
        }
        String suiteName = suite.suite().name();
        return Optional.of(new CaseDescriptor(
                suite.getUniqueId(),
                module,
                suiteName,
                scope.configuration().expectations().of(suiteName, caseName),
                mode));
    }

    private static Resolution exact(
            Optional<? extends TestDescriptor> descriptor, Supplier<Set<? extends DiscoverySelector>> children) {
        return descriptor
                .map(made -> Resolution.match(Match.exact(made, children)))
                .orElseGet(Resolution::unresolved);
    }

    private static Path directory(String uri) {
        try {
            return SuiteDirectory.pathOf(new URI(uri).toURL());
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException("not a suite's unique id segment: " + uri, e);
        }
    }
}
