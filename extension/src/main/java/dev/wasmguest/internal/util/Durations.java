package dev.wasmguest.internal.util;

import java.time.Duration;

/** Durations as messages show them: whole seconds as {@code 30 s}, anything else in milliseconds. */
public final class Durations {

    private Durations() {
    }

    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
