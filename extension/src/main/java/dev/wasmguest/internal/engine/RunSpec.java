package dev.wasmguest.internal.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run is given: its {@code argv[0]} (empty means the module's file name), arguments, environment and
 * stdin. Immutable; the {@code with} methods return changed copies.
 */
public record RunSpec(String argv0, List<String> args, Map<String, String> env, byte[] stdin) {

    public static final RunSpec EMPTY = new RunSpec("", List.of(), Map.of(), new byte[0]);

    public RunSpec {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        stdin = stdin.clone();
    }

    public RunSpec withArgv0(String value) {
        return new RunSpec(value, args, env, stdin);
    }

    public RunSpec withArgs(List<String> value) {
        return new RunSpec(argv0, value, env, stdin);
    }

    public RunSpec withEnv(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(env);
        changed.put(name, value);
        return new RunSpec(argv0, args, changed, stdin);
    }

    public RunSpec withStdin(byte[] value) {
        return new RunSpec(argv0, args, env, value);
    }

    /** The stdin bytes; the record never hands out its own array. */
    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** The full argument vector the guest sees: {@code argv[0]} followed by the arguments. */
    public List<String> argv(String defaultArgv0) {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(argv0.isEmpty() ? defaultArgv0 : argv0);
        argv.addAll(args);
        return argv;
    }
}
