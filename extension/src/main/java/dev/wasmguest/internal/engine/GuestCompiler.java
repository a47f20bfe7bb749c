package dev.wasmguest.internal.engine;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.source.ModuleSource;
import java.util.Optional;

/**
 * Parses and checks a module into a {@link CompiledGuest}, before any run; the compiler translates it when a run
 * first needs it (see {@link CompiledGuest#machineFactory()}).
 */
public final class GuestCompiler {

    private static final String START = "_start";

    private GuestCompiler() {
    }

    /**
     * @throws GuestResolutionException naming the module when it is malformed, invalid or has no
     *         {@code _start} function
     */
    public static CompiledGuest compile(ModuleSource source, ResolvedModule resolved) {
        return compile(source, resolved, Optional.empty());
    }

    /**
     * Like {@link #compile(ModuleSource, ResolvedModule)}, keeping compiled code in {@code compiledCode} across JVMs.
     */
    public static CompiledGuest compile(ModuleSource source, ResolvedModule resolved, Optional<Cache> compiledCode) {
        String name = source.describe();
        WasmModule module = parse(name, resolved.bytes());
        requireStart(name, module.exportSection());
        return new CompiledGuest(name, source.fileName(), resolved.sha256(), module, compiledCode);
    }

    private static WasmModule parse(String name, byte[] bytes) {
        try {
            return Parser.parse(bytes);
        } catch (ChicoryException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new GuestResolutionException(name, "malformed module: " + e.getMessage()
                    + "; the file is damaged or not built for WebAssembly 1.0/WASI preview1, rebuild it", e);
        }
    }

    private static void requireStart(String name, ExportSection exports) {
        for (int i = 0; i < exports.exportCount(); i++) {
            Export export = exports.getExport(i);
            if (export.name().equals(START) && export.exportType() == ExternalType.FUNCTION) {
                return;
            }
        }
        throw new GuestResolutionException(name, "the module exports no _start function, so it is not a WASI"
                + " command; build it as an executable (e.g. clang --target=wasm32-wasi without -mexec-model=reactor"
                + " or -Wl,--no-entry)");
    }
}
