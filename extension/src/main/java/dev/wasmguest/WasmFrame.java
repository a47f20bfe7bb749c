package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * One frame of the WebAssembly call stack of a guest that trapped: see {@link WasiResult#trapBacktrace()}.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WasmFrame {

    private final int functionIndex;
    private final String functionName;
    private final long moduleOffset;
    private final String sourceFile;
    private final int sourceLine;
    private final int sourceColumn;
    private final boolean lineOfFunction;

    /**
     * A frame as wasmguest's backtraces make it; tests of code that reads frames may make their own.
     *
     * @param functionIndex the function's index in the module, imported functions counted
     * @param functionName its name from the name section; null when the module has none
     * @param moduleOffset the offset in the module's bytes of the frame's instruction; -1 when unknown
     * @param sourceFile the source file from DWARF; null when the module carries no line table for it
     * @param sourceLine the line in {@code sourceFile}; 0 when unknown
     * @param sourceColumn the column in that line; 0 when the line table gives none
     * @param lineOfFunction whether {@code sourceLine} is where the function begins, not the instruction's own line
     */
    @API(status = INTERNAL, since = "0.1")
    public WasmFrame(
            int functionIndex,
            String functionName,
            long moduleOffset,
            String sourceFile,
            int sourceLine,
            int sourceColumn,
            boolean lineOfFunction) {
        this.functionIndex = functionIndex;
        this.functionName = functionName;
        this.moduleOffset = moduleOffset;
        this.sourceFile = sourceFile;
        this.sourceLine = sourceLine;
        this.sourceColumn = sourceColumn;
        this.lineOfFunction = lineOfFunction;
    }

    /**
     * The function's index in the module, imported functions counted, as tools such as {@code wasm-objdump} number
     * it.
     *
     * @return the index; never negative
     */
    public int functionIndex() {
        return functionIndex;
    }

    /**
     * The function's name from the module's name section, demangled for Rust (legacy mangling) and C++ names made of
     * plain identifiers (without their parameters); other names as the section gives them.
     *
     * @return the name; empty when the module has no name for it; never {@code null}
     */
    public Optional<String> functionName() {
        return Optional.ofNullable(functionName);
    }

    /**
     * Where in the module's bytes the instruction this frame was at begins: the trapping instruction in the
     * innermost frame, a call in the others. Known in both engines (in the compiler engine, worked out when the
     * guest traps).
     *
     * @return the offset; empty when the engine does not know the instruction; never {@code null}
     */
    public OptionalLong moduleOffset() {
        return moduleOffset >= 0 ? OptionalLong.of(moduleOffset) : OptionalLong.empty();
    }

    /**
     * The source file, from the module's DWARF line table ({@code .debug_line}), as the compiler recorded it.
     *
     * @return the file; empty when the module carries no line information for this code; never {@code null}
     */
    public Optional<String> sourceFile() {
        return Optional.ofNullable(sourceFile);
    }

    /**
     * The line in {@link #sourceFile()}: of the frame's instruction, or, when {@link #sourceLineIsFunctionStart()},
     * where its function begins.
     *
     * @return the line, from 1; empty when the module carries no line information for this code; never {@code null}
     */
    public OptionalInt sourceLine() {
        return sourceFile != null ? OptionalInt.of(sourceLine) : OptionalInt.empty();
    }

    /**
     * The column in {@link #sourceLine()} of the frame's instruction, where the line table gives one.
     *
     * @return the column, from 1; empty when unknown; never {@code null}
     * @since 0.1
     */
    public OptionalInt sourceColumn() {
        return sourceColumn > 0 ? OptionalInt.of(sourceColumn) : OptionalInt.empty();
    }

    /**
     * Whether {@link #sourceLine()} is the line where the function begins rather than the instruction's own: a
     * compiled frame whose instruction could not be worked out (rare: the fallback when wasmguest's check of the
     * compiled code's instruction map fails).
     *
     * @return {@code true} for a frame whose line is its function's first
     */
    public boolean sourceLineIsFunctionStart() {
        return lineOfFunction;
    }

    /**
     * The frame in one line, e.g. {@code crash (function 9) at trap.c:4:5, module offset 0x1d9} (file, line and
     * column as wasmtime prints them), or, where the instruction is not known, {@code crash (function 9) in trap.c
     * (the function begins at line 2)}.
     *
     * @return never {@code null}
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(
                functionName != null
                        ? functionName + " (function " + functionIndex + ")"
                        : "function " + functionIndex);
        if (sourceFile != null) {
            text.append(
                    lineOfFunction
                            ? " in " + sourceFile + " (the function begins at line " + sourceLine + ")"
                            : " at " + sourceFile + ":" + sourceLine + (sourceColumn > 0 ? ":" + sourceColumn : ""));
        }
        if (moduleOffset >= 0) {
            text.append(", module offset 0x")
                    .append(Long.toHexString(moduleOffset).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WasmFrame that
                && functionIndex == that.functionIndex
                && moduleOffset == that.moduleOffset
                && sourceLine == that.sourceLine
                && sourceColumn == that.sourceColumn
                && lineOfFunction == that.lineOfFunction
                && Objects.equals(functionName, that.functionName)
                && Objects.equals(sourceFile, that.sourceFile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                functionIndex, functionName, moduleOffset, sourceFile, sourceLine, sourceColumn, lineOfFunction);
    }
}
