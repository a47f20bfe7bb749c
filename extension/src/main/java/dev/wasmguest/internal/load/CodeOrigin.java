package dev.wasmguest.internal.load;

import java.util.function.IntUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Where the code of a module copy that runs in place of the original came from (a copy with coverage counters, with
 * its large functions split, or both): for backtraces and coverage, which speak of the original.
 *
 * @param original the original's layout: where its code and bodies start
 * @param offset the original's offset of the instruction at an offset of the copy
 * @param function the original's function that a function of the copy is, or is part of
 */
record CodeOrigin(ModuleLayout original, LongUnaryOperator offset, IntUnaryOperator function) {

    /** The origin of a copy with code added ({@link CoverageCounters}): every function is the original's. */
    static CodeOrigin of(OriginalOffsets offsets) {
        return new CodeOrigin(offsets.originalLayout(), offsets::original, IntUnaryOperator.identity());
    }

    /** The origin of a copy with its large functions split. */
    static CodeOrigin of(FunctionSplitter.Split split) {
        return new CodeOrigin(split.offsets().originalLayout(), split.offsets()::original, split::originalFunction);
    }

    /** The origin of a copy of a copy: this one's, then {@code earlier}'s, which made the copy this one copied. */
    CodeOrigin then(CodeOrigin earlier) {
        return new CodeOrigin(
                earlier.original,
                copy -> earlier.offset.applyAsLong(offset.applyAsLong(copy)),
                copy -> earlier.function.applyAsInt(function.applyAsInt(copy)));
    }
}
