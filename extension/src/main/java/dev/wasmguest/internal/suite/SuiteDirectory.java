package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A directory of cases: its {@code .wasm} files, in name order, and its display name, {@code manifest.json}'s
 * {@code name} or else the directory's own.
 */
@API(status = INTERNAL, since = "0.1")
public record SuiteDirectory(Path directory, String name) {

    /**
     * @throws IllegalArgumentException when its {@code manifest.json} is malformed
     */
    public static SuiteDirectory of(Path directory) {
        return new SuiteDirectory(directory, nameOf(directory));
    }

    private static String nameOf(Path directory) {
        Path manifest = directory.resolve("manifest.json");
        String fallback = directory.getFileName() == null
                ? directory.toString()
                : directory.getFileName().toString();
        if (!Files.exists(manifest)) {
            return fallback;
        }
        try {
            Object json = Json.parse(Files.readString(manifest, StandardCharsets.UTF_8));
            if (json instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                return name;
            }
            return fallback;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(manifest + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code directory} holds cases: one {@code .wasm} file or more. */
    public static boolean holdsCases(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(SuiteDirectory::isCase);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the suite directory " + directory.toAbsolutePath(), e);
        }
    }

    /** Whether {@code file} is a case's module. */
    public static boolean isCase(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().endsWith(".wasm")
                && Files.isRegularFile(file);
    }

    /** The modules of the cases, in name order. */
    public List<Path> modules() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(SuiteDirectory::isCase).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the suite directory " + directory.toAbsolutePath(), e);
        }
    }

    /** The modules of the cases that {@code selection} selects, in name order. */
    public List<Path> modules(CaseGlobs selection) {
        return modules().stream()
                .filter(module -> selection.matches(CaseSpec.caseName(module)))
                .collect(Collectors.toList());
    }

    /** The names of the cases, in order. */
    public List<String> caseNames() {
        return modules().stream().map(CaseSpec::caseName).collect(Collectors.toList());
    }

    /**
     * The directory at a class-path URL, a jar's directory included (its file system is opened once per JVM).
     *
     * @throws IllegalArgumentException when it cannot be opened
     */
    public static Path pathOf(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // another suite of the same jar opened it
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalArgumentException("cannot open suite directory " + url, e);
        }
    }
}
