package dev.wasmguest.internal.util;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;

/** Durations as messages show them: whole seconds as {@code 30 s}, anything else in milliseconds. */
@API(status = INTERNAL, since = "0.1")
public final class Durations {

    private Durations() {}

    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
