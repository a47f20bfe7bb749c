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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a path names for the suites: a suite directory, a tree searched for suites, a case's {@code .wasm} or
 * {@code .json}, or a suite's {@code manifest.json}; also by class-path resource, and as {@code wasmguest.suites}
 * writes them. Stateless.
 */
final class SuitePaths {

    /** How deep a selected directory is searched for suites: upstream checkouts nest them three deep. */
    private static final int SEARCH_DEPTH = 12;

    /**
     * A suite, or one case of it.
     *
     * @param directory the suite's directory, absolute and normalised on the default file system
     * @param caseName the case, or empty for the whole suite
     */
    record Named(Path directory, Optional<String> caseName) {}

    private SuitePaths() {}

    /** The suite at {@code directory}, or every suite beneath it when it holds no case itself. */
    static List<Named> directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        if (SuiteDirectory.holdsCases(directory)) {
            return List.of(suite(directory));
        }
        try (Stream<Path> tree = Files.walk(directory, SEARCH_DEPTH)) {
            return tree.filter(Files::isDirectory)
                    .filter(dir -> !dir.equals(directory) && SuiteDirectory.holdsCases(dir))
                    .map(SuitePaths::suite)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + directory.toAbsolutePath() + " for suites", e);
        }
    }

    /** The case of a {@code .wasm} or {@code .json} file, or the suite of a {@code manifest.json}. */
    static List<Named> file(Path file) {
        Path name = file.getFileName();
        if (name == null || file.getParent() == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        String fileName = name.toString();
        if (fileName.equals("manifest.json")) {
            return directory(file.getParent());
        }
        if (fileName.endsWith(".wasm")) {
            return List.of(new Named(key(file.getParent()), Optional.of(CaseSpec.caseName(file))));
        }
        if (fileName.endsWith(".json")) {
            String caseName = fileName.substring(0, fileName.length() - ".json".length());
            if (Files.isRegularFile(file.resolveSibling(caseName + ".wasm"))) {
                return List.of(new Named(key(file.getParent()), Optional.of(caseName)));
            }
        }
        return List.of();
    }

    /** By class-path resource name: a suite directory, a tree of them, or a case's file, in a directory or a jar. */
    static List<Named> classpathResource(String resourceName, ClassLoader loader) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        try {
            List<Named> named = new ArrayList<>();
            for (URL url : Collections.list(loader.getResources(name))) {
                named.addAll(path(SuiteDirectory.pathOf(url)));
            }
            return named;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look up the class-path resource " + name, e);
        }
    }

    /**
     * What {@code wasmguest.suites} names: directories and files, relative to the working directory, globs over them,
     * and {@code classpath:} resources.
     */
    static List<Named> configured(List<String> entries, ClassLoader loader) {
        List<Named> named = new ArrayList<>();
        for (String entry : entries) {
            if (entry.startsWith("classpath:")) {
                named.addAll(classpathResource(entry.substring("classpath:".length()), loader));
            } else if (isGlob(entry)) {
                named.addAll(glob(entry));
            } else {
                named.addAll(path(Path.of(entry)));
            }
        }
        return named;
    }

    private static List<Named> glob(String pattern) {
        Path base = Path.of("").toAbsolutePath();
        List<String> rest = new ArrayList<>(List.of(pattern.split("/")));
        while (!rest.isEmpty() && !isGlob(rest.get(0))) {
            base = base.resolve(rest.remove(0));
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        Path searchBase = base;
        PathMatcher matcher = searchBase.getFileSystem().getPathMatcher("glob:" + String.join("/", rest));
        try (Stream<Path> tree = Files.walk(searchBase, SEARCH_DEPTH)) {
            return tree.filter(path -> matcher.matches(searchBase.relativize(path)))
                    .sorted()
                    .flatMap(path -> path(path).stream())
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + searchBase + " for " + pattern, e);
        }
    }

    private static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    private static List<Named> path(Path path) {
        return Files.isDirectory(path) ? directory(path) : file(path);
    }

    private static Named suite(Path directory) {
        return new Named(key(directory), Optional.empty());
    }

    /** One name per directory: absolute and normalised where it is on the default file system (not in a jar). */
    private static Path key(Path directory) {
        return directory.getFileSystem() == Path.of("").getFileSystem()
                ? directory.toAbsolutePath().normalize()
                : directory.normalize();
    }
}
