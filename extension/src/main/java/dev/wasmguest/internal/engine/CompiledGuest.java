package dev.wasmguest.internal.engine;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;

/**
 * A parsed, validated WASI command and its compiled machine factory. Created once per module and JVM, shared
 * by every run and thread: Chicory's parsed module and compiled factory are immutable, and every run builds
 * its own {@link Instance}.
 *
 * @param source how messages name the module
 * @param fileName the default {@code argv[0]}
 */
public record CompiledGuest(String source, String fileName, String sha256, WasmModule module,
        Function<Instance, Machine> machineFactory) {
}
