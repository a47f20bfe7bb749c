package dev.wasmguest.internal.run;

import com.dylibso.chicory.wasm.ChicoryException;

/** Turns Chicory's trap exceptions into the one-line messages results and assertions show. */
final class TrapMessages {

    private TrapMessages() {}

    static String describe(ChicoryException trap) {
        String message = trap.getMessage();
        if (message == null || message.isBlank()) {
            return trap.getClass().getSimpleName();
        }
        return message;
    }
}
