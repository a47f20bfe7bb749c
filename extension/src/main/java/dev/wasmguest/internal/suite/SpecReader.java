package dev.wasmguest.internal.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a case's JSON spec in either upstream format. The legacy one has top-level keys ({@code args}, {@code env},
 * {@code dirs}, {@code root}, {@code exit_code}, {@code stdout}, {@code stderr}). The operation-based one lists what
 * happens to a command in order ({@code run}, then {@code write}s to stdin and {@code read}s of stdout or stderr,
 * then {@code wait} for the exit code) and may name the {@code proposals} and {@code world} it needs. A key or
 * operation this reader does not know is an error naming it, so that a newer spec never passes by being half read;
 * a proposal or world wasmguest does not support makes the case {@linkplain CaseSpec#unsupported() unsupported}.
 */
final class SpecReader {

    /** The world of a WASI command, the one kind of program wasmguest runs. */
    static final String COMMAND_WORLD = "wasi:cli/command";

    private static final Set<String> LEGACY_KEYS =
            Set.of("args", "env", "exit_code", "stdout", "stderr", "dirs", "root", "wasi_functions");
    private static final Set<String> OPERATION_KEYS = Set.of("operations", "proposals", "world", "wasi_functions");
    private static final Map<String, Set<String>> OPERATIONS = Map.of(
            "run", Set.of("type", "args", "env", "dirs", "root"),
            "read", Set.of("type", "id", "payload"),
            "write", Set.of("type", "id", "payload"),
            "wait", Set.of("type", "exit_code"));
    /** Operations of the upstream format for servers and sockets, which a command run cannot perform. */
    private static final Set<String> NETWORK_OPERATIONS = Set.of("connect", "send", "recv");

    private final String name;
    private final Path module;
    private final Path specFile;
    private List<String> args = List.of();
    private final Map<String, String> env = new LinkedHashMap<>();
    private List<String> dirs = List.of();
    private Optional<String> root = Optional.empty();
    private final StringBuilder stdin = new StringBuilder();
    private Optional<String> stdout = Optional.empty();
    private Optional<String> stderr = Optional.empty();
    private int exitCode;
    private List<String> wasiFunctions = List.of();
    private Optional<String> unsupported = Optional.empty();

    private SpecReader(String name, Path module, Path specFile) {
        this.name = name;
        this.module = module;
        this.specFile = specFile;
    }

    static CaseSpec defaults(String name, Path module) {
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
                Optional.empty(),
                "",
                List.of(),
                Optional.empty());
    }

    static CaseSpec read(String name, Path module, Path specFile, Object json) {
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException("the spec must be a JSON object");
        }
        Map<String, Object> spec = JsonValues.object(json, "spec");
        SpecReader reader = new SpecReader(name, module, specFile);
        if (spec.containsKey("operations")) {
            reader.readOperationBased(spec);
        } else {
            reader.readLegacy(spec);
        }
        return reader.spec();
    }

    private void readLegacy(Map<String, Object> spec) {
        JsonValues.checkKeys(spec, LEGACY_KEYS, "key", "");
        readRun(spec);
        exitCode = JsonValues.int32(spec.getOrDefault("exit_code", 0L), "exit_code");
        stdout = JsonValues.optionalText(spec, "stdout");
        stderr = JsonValues.optionalText(spec, "stderr");
        wasiFunctions = JsonValues.strings(spec, "wasi_functions");
    }

    private void readOperationBased(Map<String, Object> spec) {
        for (String key : spec.keySet()) {
            if (LEGACY_KEYS.contains(key) && !OPERATION_KEYS.contains(key)) {
                throw new IllegalArgumentException("key \"" + key
                        + "\" of the legacy format cannot be mixed with \"operations\"; move it into an operation");
            }
        }
        JsonValues.checkKeys(spec, OPERATION_KEYS, "key", "");
        wasiFunctions = JsonValues.strings(spec, "wasi_functions");
        List<String> proposals = JsonValues.strings(spec, "proposals");
        String world = JsonValues.optionalText(spec, "world").orElse(COMMAND_WORLD);
        if (!proposals.isEmpty()) {
            unsupported = Optional.of("needs the WASI proposal" + (proposals.size() > 1 ? "s " : " ")
                    + String.join(", ", proposals)
                    + ", which wasmguest does not support (it runs WASI preview 1 commands)");
        } else if (!world.equals(COMMAND_WORLD)) {
            unsupported =
                    Optional.of("targets the world " + world + "; wasmguest runs only " + COMMAND_WORLD + " programs");
        }
        readOperations(JsonValues.list(spec.get("operations"), "operations"));
    }

    private void readOperations(List<Object> operations) {
        boolean waited = false;
        for (int index = 0; index < operations.size(); index++) {
            String where = "operations[" + index + "]";
            Map<String, Object> operation = JsonValues.object(operations.get(index), where);
            String type = JsonValues.optionalText(operation, "type")
                    .orElseThrow(() -> new IllegalArgumentException(where + " has no \"type\""));
            if (index == 0 != type.equals("run")) {
                throw new IllegalArgumentException(
                        where + ": the first operation, and only it, must be \"run\", found \"" + type + "\"");
            }
            if (waited) {
                throw new IllegalArgumentException(where + ": \"" + type + "\" after \"wait\"; the run has ended");
            }
            checkOperation(operation, type, where);
            switch (type) {
                case "run" -> readRun(operation);
                case "write" -> stdin.append(payload(operation, "stdin", Set.of("stdin"), where));
                case "read" -> readStream(operation, where);
                case "wait" -> {
                    exitCode = JsonValues.int32(operation.getOrDefault("exit_code", 0L), where + ".exit_code");
                    waited = true;
                }
                default -> throw new IllegalStateException("checked above: " + type);
            }
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("\"operations\" is empty; it must start with \"run\"");
        }
    }

    private void checkOperation(Map<String, Object> operation, String type, String where) {
        if (NETWORK_OPERATIONS.contains(type)) {
            throw new IllegalArgumentException(where + ": operation \"" + type
                    + "\" talks to a server or socket, which a WASI preview 1 command run by wasmguest cannot do");
        }
        Set<String> keys = OPERATIONS.get(type);
        if (keys == null) {
            throw new IllegalArgumentException(where + ": unknown operation \"" + type + "\"; known: "
                    + String.join(", ", OPERATIONS.keySet().stream().sorted().toList()));
        }
        JsonValues.checkKeys(operation, keys, "key", where + ".");
    }

    private void readRun(Map<String, Object> run) {
        args = JsonValues.strings(run, "args");
        Object variables = run.getOrDefault("env", Map.of());
        if (!(variables instanceof Map)) {
            throw new IllegalArgumentException("\"env\" must be an object of strings");
        }
        JsonValues.object(variables, "env").forEach((key, value) -> env.put(key, JsonValues.text(value, "env." + key)));
        dirs = JsonValues.strings(run, "dirs");
        root = JsonValues.optionalText(run, "root");
    }

    private void readStream(Map<String, Object> read, String where) {
        String stream = JsonValues.optionalText(read, "id").orElse("stdout");
        String text = payload(read, stream, Set.of("stdout", "stderr"), where);
        // Reads of one stream follow each other, so together they are what the stream must start with.
        if (stream.equals("stdout")) {
            stdout = Optional.of(stdout.orElse("") + text);
        } else {
            stderr = Optional.of(stderr.orElse("") + text);
        }
    }

    private static String payload(Map<String, Object> operation, String id, Set<String> streams, String where) {
        if (!streams.contains(id)) {
            throw new IllegalArgumentException(where + ".id: \"" + id + "\" is not a stream this operation can use ("
                    + String.join(", ", streams.stream().sorted().toList()) + ")");
        }
        return JsonValues.optionalText(operation, "payload").orElse("");
    }

    private CaseSpec spec() {
        return new CaseSpec(
                name,
                module,
                Optional.of(specFile),
                args,
                env,
                exitCode,
                stdout,
                stderr,
                dirs,
                root,
                stdin.toString(),
                wasiFunctions,
                unsupported);
    }

    /** Typed access to parsed JSON, with errors that name the key. */
    static final class JsonValues {

        private JsonValues() {}

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(Object value, String key) {
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("\"" + key + "\" must be an object");
            }
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        static List<Object> list(Object value, String key) {
            if (!(value instanceof List)) {
                throw new IllegalArgumentException("\"" + key + "\" must be an array");
            }
            return (List<Object>) value;
        }

        static void checkKeys(Map<String, Object> object, Set<String> known, String what, String prefix) {
            for (String key : object.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException("unknown " + what + " \"" + prefix + key + "\"; known: "
                            + String.join(", ", known.stream().sorted().toList()));
                }
            }
        }

        static List<String> strings(Map<String, Object> object, String key) {
            Object value = object.getOrDefault(key, List.of());
            if (!(value instanceof List)) {
                throw new IllegalArgumentException("\"" + key + "\" must be an array of strings");
            }
            List<String> strings = new ArrayList<>();
            for (Object item : list(value, key)) {
                strings.add(text(item, key));
            }
            return strings;
        }

        static Optional<String> optionalText(Map<String, Object> object, String key) {
            return Optional.ofNullable(object.get(key)).map(value -> text(value, key));
        }

        static String text(Object value, String key) {
            if (!(value instanceof String)) {
                throw new IllegalArgumentException("\"" + key + "\" must be a string, got " + value);
            }
            return (String) value;
        }

        static int int32(Object value, String key) {
            if (!(value instanceof Long code) || code != code.intValue()) {
                throw new IllegalArgumentException("\"" + key + "\" must be a whole number of 32 bits, got " + value);
            }
            return code.intValue();
        }
    }
}
