package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmFrame;
import dev.wasmguest.internal.util.Lazy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A trapped guest's call stack, innermost first: known at once, or worked out on first use (compiled code's, whose
 * instructions take a compilation to tell). Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class Backtrace {

    /** How many frames messages show. */
    public static final int SHOWN_FRAMES = 20;

    private static final Backtrace NONE = new Backtrace(List.of(), 0);

    private final Lazy<Frames> frames;

    /**
     * @param frames the frames known, innermost first; empty when the engine left none (a trap in a host function)
     * @param depth how many frames the stack had, at least {@code frames.size()}: a deep recursion keeps only the
     *        innermost
     */
    public Backtrace(List<WasmFrame> frames, int depth) {
        Frames known = new Frames(frames, depth);
        this.frames = Lazy.of(() -> known);
    }

    private Backtrace(Supplier<Backtrace> later) {
        this.frames = Lazy.of(() -> later.get().frames.get());
    }

    /** No frames: a run that did not trap. */
    public static Backtrace none() {
        return NONE;
    }

    /**
     * Where the interpreter was when the guest trapped. Taken now: the interpreter's frames hold its instance.
     *
     * @param trap what the interpreter threw
     */
    public static Backtrace interpreted(UnwindingInterpreter interpreter, Throwable trap, ModuleSymbols symbols) {
        return new Backtrace(symbols.frames(interpreter.stackOf(trap)), interpreter.unwoundFrames(trap));
    }

    /**
     * Where compiled code was when the guest trapped, read from the JVM stack of {@code trap}. Worked out when first
     * asked for, once: telling the instructions takes a compilation that a test asserting only the trap does not
     * need.
     */
    public static Backtrace compiled(Throwable trap, String module, InstructionLocator locator, ModuleSymbols symbols) {
        return new Backtrace(() -> {
            List<CallSite> stack = CompiledStack.of(trap, module, locator);
            return new Backtrace(symbols.frames(stack), stack.size());
        });
    }

    /**
     * The backtraces of the modules a trap went through (a component's core modules), innermost first, as one: each
     * part worked out when first asked for.
     */
    public static Backtrace joined(List<Backtrace> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Backtrace(() -> {
            List<WasmFrame> frames = new ArrayList<>();
            int depth = 0;
            for (Backtrace part : parts) {
                frames.addAll(part.frames());
                depth += part.depth();
            }
            return new Backtrace(frames, depth);
        });
    }

    /** The frames known, innermost first. */
    public List<WasmFrame> frames() {
        return frames.get().list();
    }

    /** How many frames the stack had, at least {@code frames().size()}. */
    public int depth() {
        return frames.get().depth();
    }

    /**
     * The lines messages show, each starting with a line break: {@code wasm backtrace, innermost first:}, then up
     * to {@link #SHOWN_FRAMES} frames and how many more there were; empty without frames.
     */
    public String describe() {
        List<WasmFrame> known = frames();
        if (known.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nwasm backtrace, innermost first:");
        int shown = Math.min(SHOWN_FRAMES, known.size());
        for (int i = 0; i < shown; i++) {
            text.append("\n  ").append(i).append(": ").append(known.get(i));
        }
        int depth = depth();
        if (depth > shown) {
            text.append("\n  ... ").append(depth - shown).append(" more frame").append(depth - shown == 1 ? "" : "s");
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Backtrace that && frames.get().equals(that.frames.get());
    }

    @Override
    public int hashCode() {
        return frames.get().hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }

    private record Frames(List<WasmFrame> list, int depth) {
        Frames {
            list = List.copyOf(list);
            depth = Math.max(depth, list.size());
        }
    }
}
