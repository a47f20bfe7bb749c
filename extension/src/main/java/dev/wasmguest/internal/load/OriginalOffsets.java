package dev.wasmguest.internal.load;

import java.util.Arrays;

/**
 * Where the code of a module copy came from in the original (a copy with coverage counters, or with large functions
 * split): the original's offset of each instruction of the copy, so that a backtrace of the copy's run names the
 * original's offsets and source lines. Immutable.
 */
final class OriginalOffsets {

    /** Starts of the copied stretches in the copy, ascending, where each begins in the original, and its length. */
    private final long[] inCopy;

    private final long[] inOriginal;
    private final int[] lengths;
    /** Whether a stretch stands for one instruction of the original (every byte maps to it) rather than copies it. */
    private final boolean[] standing;

    private final ModuleLayout original;

    private OriginalOffsets(
            long[] inCopy, long[] inOriginal, int[] lengths, boolean[] standing, ModuleLayout original) {
        this.inCopy = inCopy;
        this.inOriginal = inOriginal;
        this.lengths = lengths;
        this.standing = standing;
        this.original = original;
    }

    /** Collects the copied stretches, body by body, then places them in the finished copy. */
    static final class Builder {
        private final ModuleLayout original;
        private long[] inBody = new long[1024];
        private long[] inOriginal = new long[1024];
        private int[] bodyOf = new int[1024];
        private int[] lengths = new int[1024];
        private boolean[] standing = new boolean[1024];
        private int count;

        Builder(ModuleLayout original) {
            this.original = original;
        }

        /**
         * {@code length} bytes of the original from {@code originalOffset} are copied to {@code offsetInBody} of body
         * {@code body}.
         */
        void copied(int body, long offsetInBody, long originalOffset, int length) {
            add(body, offsetInBody, originalOffset, length, false);
        }

        /**
         * {@code length} bytes at {@code offsetInBody} of body {@code body} were made to stand for the original's
         * instruction at {@code originalOffset}.
         */
        void standsFor(int body, long offsetInBody, long originalOffset, int length) {
            add(body, offsetInBody, originalOffset, length, true);
        }

        private void add(int body, long offsetInBody, long originalOffset, int length, boolean stands) {
            if (count == inBody.length) {
                inBody = Arrays.copyOf(inBody, count * 2);
                inOriginal = Arrays.copyOf(inOriginal, count * 2);
                bodyOf = Arrays.copyOf(bodyOf, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
                standing = Arrays.copyOf(standing, count * 2);
            }
            standing[count] = stands;
            inBody[count] = offsetInBody;
            inOriginal[count] = originalOffset;
            bodyOf[count] = body;
            lengths[count] = length;
            count++;
        }

        /** The offsets, placed by the copy's layout; stretches were given in order of bodies and offsets. */
        OriginalOffsets build(ModuleLayout copy) {
            long[] inCopy = new long[count];
            for (int i = 0; i < count; i++) {
                inCopy[i] = copy.bodyStart(bodyOf[i]) + inBody[i];
            }
            return new OriginalOffsets(
                    inCopy,
                    Arrays.copyOf(inOriginal, count),
                    Arrays.copyOf(lengths, count),
                    Arrays.copyOf(standing, count),
                    original);
        }
    }

    /** The original's offset of the byte at {@code offset} of the copy; a counter's bytes map to what follows it. */
    long original(long offset) {
        int at = Arrays.binarySearch(inCopy, offset);
        if (at >= 0) {
            return inOriginal[at];
        }
        int before = -at - 2;
        if (before < 0) {
            return offset;
        }
        long into = offset - inCopy[before];
        if (into < lengths[before] || before + 1 == inCopy.length) {
            return standing[before] ? inOriginal[before] : inOriginal[before] + into;
        }
        return inOriginal[before + 1]; // a counter, which stands before the next stretch
    }

    /** The original's layout: where its code and bodies start. */
    ModuleLayout originalLayout() {
        return original;
    }
}
