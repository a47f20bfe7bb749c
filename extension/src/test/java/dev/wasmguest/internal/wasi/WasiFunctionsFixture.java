package dev.wasmguest.internal.wasi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import run.endive.runtime.HostFunction;
import run.endive.runtime.Instance;
import run.endive.wasm.Parser;
import run.endive.wasm.types.FunctionType;

/**
 * Stand-ins for Endive's WASI functions, for tests of what we put in front of them: each records its calls and
 * answers as told, and an instance with one page of memory plays the guest.
 */
final class WasiFunctionsFixture {

    /** {@code (module (memory 1))}. */
    private static final byte[] ONE_PAGE = {0, 'a', 's', 'm', 1, 0, 0, 0, 5, 3, 1, 0, 1};

    final Instance instance = Instance.builder(Parser.parse(ONE_PAGE)).build();
    final List<String> calls = new ArrayList<>();

    /** Functions named {@code names}; {@code answers} gives some of them a behaviour, the others return 0. */
    HostFunction[] functions(List<String> names, Map<String, BiFunction<Instance, long[], long[]>> answers) {
        return names.stream()
                .map(name ->
                        new HostFunction("wasi_snapshot_preview1", name, FunctionType.empty(), (instance, args) -> {
                            calls.add(name + Arrays.toString(args));
                            return answers.getOrDefault(name, (in, a) -> new long[] {0})
                                    .apply(instance, args);
                        }))
                .toArray(HostFunction[]::new);
    }

    static long[] call(HostFunction[] functions, String name, Instance instance, long... args) {
        return Arrays.stream(functions)
                .filter(function -> function.name().equals(name))
                .findFirst()
                .orElseThrow()
                .handle()
                .apply(instance, args);
    }
}
