package dev.wasmguest.internal.util;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/** Long output shown in messages and reports: its head and tail around a visible "… N bytes omitted …" marker. */
@API(status = INTERNAL, since = "0.1")
public final class Excerpts {

    private Excerpts() {}

    /**
     * The whole text when it is at most {@code 2 * each} bytes, else its first and last {@code each} bytes with the
     * marker between them on a line of its own.
     */
    public static String headAndTail(byte[] bytes, int each, String lineSeparator) {
        if (bytes.length <= 2 * each) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new String(bytes, 0, each, StandardCharsets.UTF_8) + lineSeparator + "… " + (bytes.length - 2 * each)
                + " bytes omitted …" + lineSeparator
                + new String(bytes, bytes.length - each, each, StandardCharsets.UTF_8);
    }
}
