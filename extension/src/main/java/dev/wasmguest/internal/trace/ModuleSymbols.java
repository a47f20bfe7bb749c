package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmFrame;
import dev.wasmguest.internal.util.Lazy;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.apiguardian.api.API;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.CustomSection;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.NameCustomSection;
import run.endive.wasm.types.UnknownCustomSection;

/**
 * What a module says about its code for a backtrace: function names (the name section) and source lines (DWARF's
 * {@code .debug_line}, read on the first trap and kept). One per module; thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class ModuleSymbols {

    private final NameCustomSection names;
    private final int importedFunctions;
    private final long codeStart;
    private final IntUnaryOperator bodyStart;
    private final Lazy<DebugLines> lines;

    private ModuleSymbols(WasmModule module, long codeStart, IntUnaryOperator bodyStart) {
        this.names = module.nameSection();
        this.importedFunctions = module.importSection().count(ExternalType.FUNCTION);
        this.codeStart = codeStart;
        this.bodyStart = bodyStart;
        this.lines = Lazy.of(() -> debugLines(module));
    }

    /**
     * @param codeStart the offset in the module's bytes where the code section's contents begin (where DWARF's
     *        addresses count from)
     * @param bodyStart the offset in the module's bytes of each function body, after its size, by its index in the
     *        code section
     */
    public static ModuleSymbols of(WasmModule module, long codeStart, IntUnaryOperator bodyStart) {
        return new ModuleSymbols(module, codeStart, bodyStart);
    }

    /** The frames, innermost first, with names and source lines where the module has them. */
    public List<WasmFrame> frames(List<CallSite> stack) {
        return stack.stream().map(this::frame).toList();
    }

    private WasmFrame frame(CallSite site) {
        int function = site.functionIndex();
        String name = names == null ? null : names.nameOfFunction(function);
        if (name != null) {
            name = Demangler.demangle(name).orElse(name);
        }
        boolean exact = site.moduleOffset() >= 0;
        Optional<DebugLines.Location> location = Optional.empty();
        if (exact) {
            location = lines.get().at(site.moduleOffset() - codeStart);
        } else if (function >= importedFunctions) {
            location = lines.get().at(bodyStart.applyAsInt(function - importedFunctions) - codeStart);
        }
        return new WasmFrame(
                function,
                name,
                site.moduleOffset(),
                location.map(DebugLines.Location::file).orElse(null),
                location.map(DebugLines.Location::line).orElse(0),
                exact ? location.map(DebugLines.Location::column).orElse(0) : 0,
                !exact && location.isPresent());
    }

    private static DebugLines debugLines(WasmModule module) {
        byte[] lineTable = bytes(module, ".debug_line");
        return lineTable.length == 0
                ? DebugLines.none()
                : DebugLines.read(lineTable, bytes(module, ".debug_line_str"), bytes(module, ".debug_str"));
    }

    private static byte[] bytes(WasmModule module, String name) {
        CustomSection section = module.customSection(name);
        return section instanceof UnknownCustomSection unknown ? unknown.bytes() : new byte[0];
    }
}
