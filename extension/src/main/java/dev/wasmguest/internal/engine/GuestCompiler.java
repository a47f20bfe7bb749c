package dev.wasmguest.internal.engine;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.source.ModuleSource;
import java.io.ByteArrayInputStream;

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
        return compile(source, resolved, EngineCaches.none());
    }

    /**
     * Like {@link #compile(ModuleSource, ResolvedModule)}, reusing what earlier JVMs left in {@code caches}: a module
     * validated before is parsed without validating it again, and compiled classes are loaded instead of translated.
     */
    static CompiledGuest compile(ModuleSource source, ResolvedModule resolved, EngineCaches caches) {
        String name = source.describe();
        boolean known = caches.validated().contains(resolved.sha256());
        WasmModule module = parse(name, resolved.bytes(), !known);
        requireStart(name, module.exportSection());
        if (!known) {
            caches.validated().add(resolved.sha256());
        }
        return new CompiledGuest(name, source.fileName(), resolved.sha256(), module, caches.compiledCode());
    }

    private static WasmModule parse(String name, byte[] bytes, boolean validate) {
        try {
            return Parser.builder().withValidation(validate).build().parse(() -> new ByteArrayInputStream(bytes));
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
