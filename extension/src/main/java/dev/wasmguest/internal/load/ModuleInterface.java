package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import run.endive.wasm.MalformedException;

/**
 * What a module offers and asks for: the functions it exports and the functions it imports, read from its import and
 * export sections alone. Reading it costs a walk over section headers and those two sections, so a caller learns
 * that a module is a reactor, or imports what nothing provides, before the module's code is parsed and validated.
 *
 * @param exportedFunctions the names of the exported functions, in the module's order
 * @param importedFunctions the imported functions, in the module's order
 */
@API(status = INTERNAL, since = "0.1")
public record ModuleInterface(Set<String> exportedFunctions, List<FunctionImport> importedFunctions)
        implements GuestShape {

    /** What WASI preview 1 calls its import module. */
    public static final String WASI_MODULE = "wasi_snapshot_preview1";

    /** The function a WASI reactor exports for its user to call before any other. */
    public static final String INITIALIZE = "_initialize";

    private static final String START = "_start";
    private static final int IMPORT = 2;
    private static final int EXPORT = 7;
    private static final int FUNCTION_KIND = 0;
    private static final int TABLE_KIND = 1;
    private static final int MEMORY_KIND = 2;
    private static final int GLOBAL_KIND = 3;

    /** An imported function, named as the module names it. */
    public record FunctionImport(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    public ModuleInterface {
        exportedFunctions = Collections.unmodifiableSet(new LinkedHashSet<>(exportedFunctions));
        importedFunctions = List.copyOf(importedFunctions);
    }

    /**
     * @throws MalformedException when a section runs past the end of the module or an entry is of an unknown kind
     */
    public static ModuleInterface scan(byte[] bytes) {
        Set<String> exports = new LinkedHashSet<>();
        List<FunctionImport> imports = new ArrayList<>();
        ModuleLayout.walk(bytes, (id, start, end) -> {
            if (id == IMPORT) {
                readImports(new ModuleLayout.Reader(bytes, start), bytes, imports);
            } else if (id == EXPORT) {
                readExports(new ModuleLayout.Reader(bytes, start), bytes, exports);
            }
        });
        return new ModuleInterface(exports, imports);
    }

    /** Whether the module is a WASI command: it exports {@code _start}. */
    public boolean isCommand() {
        return exportedFunctions.contains(START);
    }

    /** Whether the module exports {@code _initialize}, which a WASI reactor's user calls before anything else. */
    public boolean hasInitialize() {
        return exportedFunctions.contains(INITIALIZE);
    }

    /** The imported functions of modules other than WASI preview 1's, in the module's order. */
    public List<FunctionImport> nonWasiImports() {
        return importedFunctions.stream()
                .filter(function -> !function.module().equals(WASI_MODULE))
                .toList();
    }

    private static void readImports(ModuleLayout.Reader reader, byte[] bytes, List<FunctionImport> imports) {
        int count = reader.u32();
        for (int i = 0; i < count; i++) {
            String module = name(reader, bytes);
            String name = name(reader, bytes);
            int kind = reader.u8();
            switch (kind) {
                case FUNCTION_KIND -> {
                    reader.u32();
                    imports.add(new FunctionImport(module, name));
                }
                case TABLE_KIND -> {
                    reader.u8(); // reference type
                    limits(reader);
                }
                case MEMORY_KIND -> limits(reader);
                case GLOBAL_KIND -> {
                    reader.u8(); // value type
                    reader.u8(); // mutability
                }
                default -> throw new MalformedException("import of unknown kind " + kind);
            }
        }
    }

    private static void limits(ModuleLayout.Reader reader) {
        int flags = reader.u8();
        reader.u32();
        if ((flags & 1) != 0) {
            reader.u32();
        }
    }

    private static void readExports(ModuleLayout.Reader reader, byte[] bytes, Set<String> exports) {
        int count = reader.u32();
        for (int i = 0; i < count; i++) {
            String name = name(reader, bytes);
            int kind = reader.u8();
            reader.u32();
            if (kind == FUNCTION_KIND) {
                exports.add(name);
            }
        }
    }

    private static String name(ModuleLayout.Reader reader, byte[] bytes) {
        int length = reader.u32();
        int start = reader.position;
        reader.skip(length);
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }
}
