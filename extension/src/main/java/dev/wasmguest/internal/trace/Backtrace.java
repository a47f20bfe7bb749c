package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A trapped guest's call stack, innermost first.
 *
 * @param frames the frames known, innermost first; empty when the engine left none (a trap in a host function)
 * @param depth how many frames the stack had, at least {@code frames.size()}: a deep recursion keeps only the
 *        innermost
 */
@API(status = INTERNAL, since = "0.2")
public record Backtrace(List<TrapFrame> frames, int depth) {

    /** How many frames messages show. */
    public static final int SHOWN_FRAMES = 20;

    private static final Backtrace NONE = new Backtrace(List.of(), 0);

    public Backtrace {
        frames = List.copyOf(frames);
        depth = Math.max(depth, frames.size());
    }

    /** No frames: a run that did not trap. */
    public static Backtrace none() {
        return NONE;
    }

    /**
     * The lines messages show, each starting with a line break: {@code wasm backtrace, innermost first:}, then up
     * to {@link #SHOWN_FRAMES} frames and how many more there were; empty without frames.
     */
    public String describe() {
        if (frames.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nwasm backtrace, innermost first:");
        int shown = Math.min(SHOWN_FRAMES, frames.size());
        for (int i = 0; i < shown; i++) {
            text.append("\n  ").append(i).append(": ").append(frames.get(i).describe());
        }
        if (depth > shown) {
            text.append("\n  ... ").append(depth - shown).append(" more frame").append(depth - shown == 1 ? "" : "s");
        }
        return text.toString();
    }
}
