package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One case of a wasi-testsuite-style directory: {@code name.wasm} and its optional {@code name.json}. Absent keys
 * take the upstream defaults: no arguments, an empty environment, exit code 0, streams unchecked, no directories.
 *
 * @param dirs legacy {@code "dirs"}: each preopened under its own name
 * @param root current {@code "root"}: preopened as the guest's {@code /}
 */
@API(status = INTERNAL, since = "0.1")
public record CaseSpec(
        String name,
        Path module,
        Optional<Path> specFile,
        List<String> args,
        Map<String, String> env,
        int exitCode,
        Optional<String> stdout,
        Optional<String> stderr,
        List<String> dirs,
        Optional<String> root) {

    /**
     * @throws IllegalArgumentException naming the spec file and key when the spec is malformed
     */
    public static CaseSpec read(Path module) {
        String file = module.getFileName().toString();
        String name = file.substring(0, file.length() - ".wasm".length());
        Path specFile = module.resolveSibling(name + ".json");
        if (!Files.exists(specFile)) {
            return new CaseSpec(
                    name,
                    module,
                    Optional.empty(),
                    List.of(),
                    Map.of(),
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty());
        }
        try {
            return parse(name, module, specFile, Json.parse(Files.readString(specFile, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + specFile, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("spec " + specFile + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static CaseSpec parse(String name, Path module, Path specFile, Object json) {
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException("the spec must be a JSON object");
        }
        Map<String, Object> spec = (Map<String, Object>) json;
        List<String> args = strings(spec, "args");
        Map<String, String> env = new LinkedHashMap<>();
        Object envValue = spec.getOrDefault("env", Map.of());
        if (!(envValue instanceof Map)) {
            throw new IllegalArgumentException("\"env\" must be an object of strings");
        }
        ((Map<String, Object>) envValue).forEach((key, value) -> env.put(key, text(value, "env." + key)));
        Object exit = spec.getOrDefault("exit_code", 0L);
        if (!(exit instanceof Long code) || code != code.intValue()) {
            throw new IllegalArgumentException("\"exit_code\" must be a whole number of 32 bits, got " + exit);
        }
        return new CaseSpec(
                name,
                module,
                Optional.of(specFile),
                args,
                env,
                code.intValue(),
                optionalText(spec, "stdout"),
                optionalText(spec, "stderr"),
                strings(spec, "dirs"),
                optionalText(spec, "root"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> spec, String key) {
        Object value = spec.getOrDefault(key, List.of());
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (Object item : (List<Object>) value) {
            strings.add(text(item, key));
        }
        return strings;
    }

    private static Optional<String> optionalText(Map<String, Object> spec, String key) {
        return Optional.ofNullable(spec.get(key)).map(value -> text(value, key));
    }

    private static String text(Object value, String key) {
        if (!(value instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string, got " + value);
        }
        return (String) value;
    }

    /** The display name of a suite directory: {@code manifest.json}'s {@code name}, else the directory's name. */
    public static String suiteName(Path directory) {
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
}
