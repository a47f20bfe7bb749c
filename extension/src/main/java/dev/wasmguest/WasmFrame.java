package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.internal.trace.TrapFrame;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * One frame of the WebAssembly call stack of a guest that trapped: see {@link WasiResult#trapBacktrace()}.
 * Immutable and thread-safe.
 *
 * @since 0.2
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class WasmFrame {

    private final TrapFrame frame;

    WasmFrame(TrapFrame frame) {
        this.frame = frame;
    }

    /**
     * The function's index in the module, imported functions counted, as tools such as {@code wasm-objdump} number
     * it.
     *
     * @return the index; never negative
     */
    public int functionIndex() {
        return frame.functionIndex();
    }

    /**
     * The function's name from the module's name section, demangled for Rust (legacy mangling) and C++ names made of
     * plain identifiers (without their parameters); other names as the section gives them.
     *
     * @return the name; empty when the module has no name for it; never {@code null}
     */
    public Optional<String> functionName() {
        return Optional.ofNullable(frame.functionName());
    }

    /**
     * Where in the module's bytes the instruction this frame was at begins: the trapping instruction in the
     * innermost frame, a call in the others. Known in both engines (in the compiler engine, worked out when the
     * guest traps).
     *
     * @return the offset; empty when the engine does not know the instruction; never {@code null}
     */
    public OptionalLong moduleOffset() {
        return frame.moduleOffset() >= 0 ? OptionalLong.of(frame.moduleOffset()) : OptionalLong.empty();
    }

    /**
     * The source file, from the module's DWARF line table ({@code .debug_line}), as the compiler recorded it.
     *
     * @return the file; empty when the module carries no line information for this code; never {@code null}
     */
    public Optional<String> sourceFile() {
        return Optional.ofNullable(frame.sourceFile());
    }

    /**
     * The line in {@link #sourceFile()}: of the frame's instruction, or, when {@link #sourceLineIsFunctionStart()},
     * where its function begins.
     *
     * @return the line, from 1; empty when the module carries no line information for this code; never {@code null}
     */
    public OptionalInt sourceLine() {
        return frame.sourceFile() != null ? OptionalInt.of(frame.sourceLine()) : OptionalInt.empty();
    }

    /**
     * The column in {@link #sourceLine()} of the frame's instruction, where the line table gives one.
     *
     * @return the column, from 1; empty when unknown; never {@code null}
     * @since 0.2
     */
    public OptionalInt sourceColumn() {
        return frame.sourceColumn() > 0 ? OptionalInt.of(frame.sourceColumn()) : OptionalInt.empty();
    }

    /**
     * Whether {@link #sourceLine()} is the line where the function begins rather than the instruction's own: a
     * compiled frame whose instruction could not be worked out (rare: the fallback when wasmguest's check of the
     * compiled code's instruction map fails).
     *
     * @return {@code true} for a frame whose line is its function's first
     */
    public boolean sourceLineIsFunctionStart() {
        return frame.lineOfFunction();
    }

    /**
     * The frame in one line, e.g. {@code crash (function 9) at trap.c:4:5, module offset 0x1d9}.
     *
     * @return never {@code null}
     */
    @Override
    public String toString() {
        return frame.describe();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WasmFrame that && frame.equals(that.frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frame);
    }
}
