package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmFrame;
import dev.wasmguest.internal.util.Lazy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;
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
    private final LongUnaryOperator originalOffset;
    private final IntUnaryOperator originalFunction;
    private final Lazy<DebugLines> lines;

    private ModuleSymbols(
            WasmModule module,
            long codeStart,
            IntUnaryOperator bodyStart,
            LongUnaryOperator originalOffset,
            IntUnaryOperator originalFunction) {
        this.names = module.nameSection();
        this.importedFunctions = module.importSection().count(ExternalType.FUNCTION);
        this.codeStart = codeStart;
        this.bodyStart = bodyStart;
        this.originalOffset = originalOffset;
        this.originalFunction = originalFunction;
        this.lines = Lazy.of(() -> debugLines(module));
    }

    /**
     * @param codeStart the offset in the module's bytes where the code section's contents begin (where DWARF's
     *        addresses count from)
     * @param bodyStart the offset in the module's bytes of each function body, after its size, by its index in the
     *        code section
     */
    public static ModuleSymbols of(WasmModule module, long codeStart, IntUnaryOperator bodyStart) {
        return new ModuleSymbols(
                module, codeStart, bodyStart, LongUnaryOperator.identity(), IntUnaryOperator.identity());
    }

    /**
     * The symbols of a module that runs as a copy with code added (coverage counters) or moved (large functions split
     * into parts): frames name the functions and offsets of the original, where its line table and a reader's tools
     * point, and a part's frame stands for the frames of the function it came from.
     *
     * @param codeStart as above, in the original
     * @param bodyStart as above, in the original
     * @param originalOffset the offset in the original of the instruction at an offset in the copy
     * @param originalFunction the function of the original that a function of the copy is, or is part of
     */
    public static ModuleSymbols ofCopy(
            WasmModule module,
            long codeStart,
            IntUnaryOperator bodyStart,
            LongUnaryOperator originalOffset,
            IntUnaryOperator originalFunction) {
        return new ModuleSymbols(module, codeStart, bodyStart, originalOffset, originalFunction);
    }

    /**
     * The frames, innermost first, with names and source lines where the module has them. A part of a split function
     * is that function's frame, at the part's instruction: the frames of the function calling its parts are left
     * out, as the original had one frame there.
     */
    public List<WasmFrame> frames(List<CallSite> stack) {
        List<WasmFrame> frames = new ArrayList<>(stack.size());
        for (int i = 0; i < stack.size(); i++) {
            frames.add(frame(stack.get(i)));
            while (i + 1 < stack.size() && isPart(stack.get(i).functionIndex())) {
                i++; // the caller of a part: the function it came from, or a part that holds it
            }
        }
        return frames;
    }

    private boolean isPart(int function) {
        return originalFunction.applyAsInt(function) != function;
    }

    /**
     * The function's name from the name section, demangled where cheap; empty when the section has none.
     *
     * @param function an index of the module that runs, which for a part of a split function names that function
     */
    public Optional<String> functionName(int function) {
        int original = originalFunction.applyAsInt(function);
        String name = names == null ? null : names.nameOfFunction(original);
        return Optional.ofNullable(name).map(named -> Demangler.demangle(named).orElse(named));
    }

    /**
     * The source line of the code at {@code moduleOffset}; empty when the line table does not say, or says line 0
     * (code a compiler made for no line).
     */
    public Optional<SourceLine> sourceLine(long moduleOffset) {
        return lines.get()
                .at(moduleOffset - codeStart)
                .filter(location -> location.line() > 0)
                .map(location -> new SourceLine(location.file(), location.line()));
    }

    /** Whether the module has a line table at all. */
    public boolean hasLines() {
        return !lines.get().isEmpty();
    }

    private WasmFrame frame(CallSite site) {
        int function = originalFunction.applyAsInt(site.functionIndex());
        String name = functionName(function).orElse(null);
        boolean exact = site.moduleOffset() >= 0;
        long moduleOffset = exact ? originalOffset.applyAsLong(site.moduleOffset()) : site.moduleOffset();
        Optional<DebugLines.Location> location = Optional.empty();
        if (exact) {
            location = lines.get().at(moduleOffset - codeStart);
        } else if (function >= importedFunctions) {
            location = lines.get().at(bodyStart.applyAsInt(function - importedFunctions) - codeStart);
        }
        return new WasmFrame(
                function,
                name,
                moduleOffset,
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
