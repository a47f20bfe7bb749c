package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The message of a Rust panic, which a guest built for WASI writes to stderr before it aborts (a trap on
 * {@code unreachable}): {@code thread 'main' panicked at src/main.rs:4:5:} and the message on the lines after it
 * (Rust 1.73 and later), or {@code thread 'main' panicked at 'message', src/main.rs:4:5} (before).
 */
@API(status = INTERNAL, since = "0.1")
public final class RustPanic {

    private static final String PANICKED = "panicked at ";
    private static final int MESSAGE_LINES = 5;

    private RustPanic() {}

    /** The panic's header and message as one line; empty when {@code stderr} holds no panic. */
    public static Optional<String> in(byte[] stderr) {
        String text = new String(stderr, StandardCharsets.UTF_8);
        int at = text.lastIndexOf(PANICKED);
        if (at < 0) {
            return Optional.empty();
        }
        int lineStart = text.lastIndexOf('\n', at) + 1;
        List<String> lines = new ArrayList<>();
        for (String line : text.substring(lineStart).split("\n")) {
            if (line.startsWith("note: ") || lines.size() == MESSAGE_LINES) {
                break;
            }
            lines.add(line.strip());
        }
        return Optional.of(String.join(" ", lines).strip());
    }
}
