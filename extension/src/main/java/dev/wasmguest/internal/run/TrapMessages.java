package dev.wasmguest.internal.run;

import run.endive.wasm.WasmEngineException;

/** Turns Endive's trap exceptions into the one-line messages results and assertions show. */
final class TrapMessages {

    private TrapMessages() {}

    static String describe(WasmEngineException trap) {
        String message = trap.getMessage();
        if (message == null || message.isBlank()) {
            return trap.getClass().getSimpleName();
        }
        return message;
    }
}
