package dev.wasmguest.suites.internal;

import dev.wasmguest.internal.suite.CaseSpec;
import dev.wasmguest.internal.suite.SuiteDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which suites, and which of their cases, a discovery request selects: by directory (a suite, or a tree searched
 * for suites), by file (a case's {@code .wasm} or {@code .json}, or a suite's {@code manifest.json}), by class-path
 * resource, or by unique id; else by the configured {@code wasmguest.suites}. Not thread-safe: one per discovery.
 */
final class SuiteSelection {

    /** How deep a selected directory is searched for suites: upstream checkouts nest them three deep. */
    private static final int SEARCH_DEPTH = 12;

    /** Each selected suite directory, with the cases selected in it; absent: all of them. */
    private final Map<Path, Optional<Set<String>>> suites = new LinkedHashMap<>();

    Map<Path, Optional<Set<String>>> suites() {
        return Collections.unmodifiableMap(suites);
    }

    boolean isEmpty() {
        return suites.isEmpty();
    }

    /** Selects the suite at {@code directory}, or every suite beneath it when it holds no case itself. */
    void directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        if (SuiteDirectory.holdsCases(directory)) {
            suites.put(key(directory), Optional.empty());
            return;
        }
        try (Stream<Path> tree = Files.walk(directory, SEARCH_DEPTH)) {
            tree.filter(Files::isDirectory)
                    .filter(dir -> !dir.equals(directory) && SuiteDirectory.holdsCases(dir))
                    .forEach(dir -> suites.put(key(dir), Optional.empty()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + directory.toAbsolutePath() + " for suites", e);
        }
    }

    /** Selects the case of a {@code .wasm} or {@code .json} file, or the suite of a {@code manifest.json}. */
    void file(Path file) {
        Path name = file.getFileName();
        if (name == null || file.getParent() == null || !Files.isRegularFile(file)) {
            return;
        }
        String fileName = name.toString();
        if (fileName.equals("manifest.json")) {
            directory(file.getParent());
        } else if (fileName.endsWith(".wasm")) {
            cases(file.getParent(), Set.of(CaseSpec.caseName(file)));
        } else if (fileName.endsWith(".json")) {
            String caseName = fileName.substring(0, fileName.length() - ".json".length());
            if (Files.isRegularFile(file.resolveSibling(caseName + ".wasm"))) {
                cases(file.getParent(), Set.of(caseName));
            }
        }
    }

    /** Selects by class-path resource name: a suite directory, a tree of them, or a case's file. */
    void classpathResource(String resourceName, ClassLoader loader) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        try {
            Enumeration<URL> urls = loader.getResources(name);
            while (urls.hasMoreElements()) {
                path(SuiteDirectory.pathOf(urls.nextElement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up the class-path resource " + name, e);
        }
    }

    /** Selects the cases {@code names} of the suite at {@code directory}. */
    void cases(Path directory, Set<String> names) {
        Path key = key(directory);
        Optional<Set<String>> already = suites.get(key);
        if (already != null && already.isEmpty()) {
            return; // the whole suite is selected already
        }
        Set<String> merged = new LinkedHashSet<>(already == null ? Set.of() : already.get());
        merged.addAll(names);
        suites.put(key, Optional.of(merged));
    }

    /**
     * Selects what {@code wasmguest.suites} names: directories and files, relative to the working directory, globs
     * over them, and {@code classpath:} resources.
     */
    void configured(List<String> entries, ClassLoader loader) {
        for (String entry : entries) {
            if (entry.startsWith("classpath:")) {
                classpathResource(entry.substring("classpath:".length()), loader);
            } else if (isGlob(entry)) {
                glob(entry);
            } else {
                path(Path.of(entry));
            }
        }
    }

    private void glob(String pattern) {
        Path absolute = Path.of("").toAbsolutePath();
        Path base = absolute;
        List<String> rest = new ArrayList<>(List.of(pattern.split("/")));
        while (!rest.isEmpty() && !isGlob(rest.get(0))) {
            base = base.resolve(rest.remove(0));
        }
        if (!Files.isDirectory(base)) {
            return;
        }
        Path searchBase = base;
        PathMatcher matcher = searchBase.getFileSystem().getPathMatcher("glob:" + String.join("/", rest));
        try (Stream<Path> tree = Files.walk(searchBase, SEARCH_DEPTH)) {
            List<Path> matches = tree.filter(path -> matcher.matches(searchBase.relativize(path)))
                    .sorted()
                    .collect(Collectors.toList());
            matches.forEach(this::path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + searchBase + " for " + pattern, e);
        }
    }

    private static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    private void path(Path path) {
        if (Files.isDirectory(path)) {
            directory(path);
        } else {
            file(path);
        }
    }

    private static Path key(Path directory) {
        return directory.getFileSystem() == Path.of("").getFileSystem()
                ? directory.toAbsolutePath().normalize()
                : directory.normalize();
    }
}
