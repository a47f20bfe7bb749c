package dev.wasmguest.internal.run;

import dev.wasmguest.internal.coverage.CoverageMap;
import run.endive.runtime.Instance;

/** The coverage counters of an instance of a module that has them: mutable globals, read after a run or call. */
final class CounterValues {

    private CounterValues() {}

    /** Each counter's value now, by counter. */
    static long[] read(Instance instance, CoverageMap map) {
        long[] counts = new long[map.counters()];
        for (int counter = 0; counter < counts.length; counter++) {
            counts[counter] = instance.global(map.firstGlobal() + counter).getValue();
        }
        return counts;
    }

    /** What the counters counted since {@code before}, by counter. */
    static long[] since(long[] before, long[] now) {
        long[] counted = now.clone();
        for (int counter = 0; counter < counted.length; counter++) {
            counted[counter] -= before[counter];
        }
        return counted;
    }
}
