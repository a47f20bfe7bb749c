package dev.wasmguest.internal.suite;

import java.nio.file.Path;
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

    private SpecReader() {}

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
        Map<String, Object> spec = JsonFields.object(json, "spec");
        return spec.containsKey("operations")
                ? operationBased(name, module, specFile, spec)
                : legacy(name, module, specFile, spec);
    }

    private static CaseSpec legacy(String name, Path module, Path specFile, Map<String, Object> spec) {
        JsonFields.checkKeys(spec, LEGACY_KEYS, "key", "");
        Run run = Run.of(spec);
        return new CaseSpec(
                name,
                module,
                Optional.of(specFile),
                run.args(),
                run.env(),
                JsonFields.int32(spec.getOrDefault("exit_code", 0L), "exit_code"),
                JsonFields.optionalText(spec, "stdout"),
                JsonFields.optionalText(spec, "stderr"),
                run.dirs(),
                run.root(),
                "",
                JsonFields.strings(spec, "wasi_functions"),
                Optional.empty());
    }

    private static CaseSpec operationBased(String name, Path module, Path specFile, Map<String, Object> spec) {
        for (String key : spec.keySet()) {
            if (LEGACY_KEYS.contains(key) && !OPERATION_KEYS.contains(key)) {
                throw new IllegalArgumentException("key \"" + key
                        + "\" of the legacy format cannot be mixed with \"operations\"; move it into an operation");
            }
        }
        JsonFields.checkKeys(spec, OPERATION_KEYS, "key", "");
        Operations operations = Operations.of(JsonFields.list(spec.get("operations"), "operations"));
        return new CaseSpec(
                name,
                module,
                Optional.of(specFile),
                operations.run().args(),
                operations.run().env(),
                operations.exitCode(),
                operations.stdout(),
                operations.stderr(),
                operations.run().dirs(),
                operations.run().root(),
                operations.stdin(),
                JsonFields.strings(spec, "wasi_functions"),
                unsupported(
                        JsonFields.strings(spec, "proposals"),
                        JsonFields.optionalText(spec, "world").orElse(COMMAND_WORLD)));
    }

    /** Why a case that needs {@code proposals} or targets {@code world} cannot run here; empty when it can. */
    private static Optional<String> unsupported(List<String> proposals, String world) {
        if (!proposals.isEmpty()) {
            return Optional.of("needs the WASI proposal" + (proposals.size() > 1 ? "s " : " ")
                    + String.join(", ", proposals)
                    + ", which wasmguest does not support (it runs WASI preview 1 commands)");
        }
        if (!world.equals(COMMAND_WORLD)) {
            return Optional.of("targets the world " + world + "; wasmguest runs only " + COMMAND_WORLD + " programs");
        }
        return Optional.empty();
    }

    /** What a spec's run (the legacy spec itself, or its {@code run} operation) gives the guest. */
    private record Run(List<String> args, Map<String, String> env, List<String> dirs, Optional<String> root) {

        static Run of(Map<String, Object> run) {
            Object variables = run.getOrDefault("env", Map.of());
            if (!(variables instanceof Map)) {
                throw new IllegalArgumentException("\"env\" must be an object of strings");
            }
            Map<String, String> env = new LinkedHashMap<>();
            JsonFields.object(variables, "env")
                    .forEach((key, value) -> env.put(key, JsonFields.text(value, "env." + key)));
            return new Run(
                    JsonFields.strings(run, "args"),
                    env,
                    JsonFields.strings(run, "dirs"),
                    JsonFields.optionalText(run, "root"));
        }
    }

    /**
     * What the operations of an operation-based spec add up to: the run, what is written to stdin, what each stream
     * must start with (the reads of one stream follow each other), and the exit code the {@code wait} expects.
     */
    private record Operations(Run run, String stdin, Optional<String> stdout, Optional<String> stderr, int exitCode) {

        static Operations of(List<Object> operations) {
            if (operations.isEmpty()) {
                throw new IllegalArgumentException("\"operations\" is empty; it must start with \"run\"");
            }
            Run run = null;
            StringBuilder stdin = new StringBuilder();
            Map<String, StringBuilder> reads = new LinkedHashMap<>();
            int exitCode = 0;
            boolean waited = false;
            for (int index = 0; index < operations.size(); index++) {
                String where = "operations[" + index + "]";
                Map<String, Object> operation = JsonFields.object(operations.get(index), where);
                String type = typeOf(operation, index, where, waited);
                switch (type) {
                    case "run" -> run = Run.of(operation);
                    case "write" -> stdin.append(payload(operation, "stdin", Set.of("stdin"), where));
                    case "read" -> {
                        String stream = JsonFields.optionalText(operation, "id").orElse("stdout");
                        String text = payload(operation, stream, Set.of("stdout", "stderr"), where);
                        reads.computeIfAbsent(stream, any -> new StringBuilder())
                                .append(text);
                    }
                    case "wait" -> {
                        exitCode = JsonFields.int32(operation.getOrDefault("exit_code", 0L), where + ".exit_code");
                        waited = true;
                    }
                    default -> throw new IllegalStateException("checked by typeOf: " + type);
                }
            }
            return new Operations(
                    run,
                    stdin.toString(),
                    Optional.ofNullable(reads.get("stdout")).map(StringBuilder::toString),
                    Optional.ofNullable(reads.get("stderr")).map(StringBuilder::toString),
                    exitCode);
        }

        /** The operation's type, checked: {@code run} first and only first, nothing after {@code wait}, known keys. */
        private static String typeOf(Map<String, Object> operation, int index, String where, boolean waited) {
            String type = JsonFields.optionalText(operation, "type")
                    .orElseThrow(() -> new IllegalArgumentException(where + " has no \"type\""));
            if (index == 0 != type.equals("run")) {
                throw new IllegalArgumentException(
                        where + ": the first operation, and only it, must be \"run\", found \"" + type + "\"");
            }
            if (waited) {
                throw new IllegalArgumentException(where + ": \"" + type + "\" after \"wait\"; the run has ended");
            }
            if (NETWORK_OPERATIONS.contains(type)) {
                throw new IllegalArgumentException(where + ": operation \"" + type
                        + "\" talks to a server or socket, which a WASI preview 1 command run by wasmguest cannot do");
            }
            Set<String> keys = OPERATIONS.get(type);
            if (keys == null) {
                throw new IllegalArgumentException(where + ": unknown operation \"" + type + "\"; known: "
                        + String.join(
                                ", ", OPERATIONS.keySet().stream().sorted().toList()));
            }
            JsonFields.checkKeys(operation, keys, "key", where + ".");
            return type;
        }

        private static String payload(Map<String, Object> operation, String id, Set<String> streams, String where) {
            if (!streams.contains(id)) {
                throw new IllegalArgumentException(where + ".id: \"" + id
                        + "\" is not a stream this operation can use ("
                        + String.join(", ", streams.stream().sorted().toList()) + ")");
            }
            return JsonFields.optionalText(operation, "payload").orElse("");
        }
    }
}
