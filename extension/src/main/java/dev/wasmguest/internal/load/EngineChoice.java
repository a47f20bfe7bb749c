package dev.wasmguest.internal.load;

import dev.wasmguest.WasiEngine;

/**
 * Which code a run gets, decided before it starts: the interpreter, or compiled code (waiting for it when it is being
 * translated). {@link WasiEngine#AUTO} takes compiled code when it is there, else the interpreter while the translation
 * goes on in the background; for a module with less than {@link #AUTO_WAITS_BELOW_CODE_BYTES} of code, whose
 * translation is quick, it waits for the translation instead.
 */
final class EngineChoice {

    /**
     * Below this much code, {@link WasiEngine#AUTO} waits for the translation instead of interpreting: it takes a
     * fraction of a second (Endive translates about 1.5 MB of WebAssembly code a second here), while the
     * interpreter is 10 to 100 times slower than compiled code (flite, 196 KB of code: translated and run in 0.5 s,
     * interpreted in 1.2 s).
     */
    static final int AUTO_WAITS_BELOW_CODE_BYTES = 1 << 20;

    private EngineChoice() {}

    /**
     * Whether a run that asked for {@code requested} runs compiled code (waiting for it if need be) rather than the
     * interpreter.
     *
     * @param ready whether compiled code is there
     * @param translating whether a translation is still going on
     * @param codeBytes the size of the module's code section
     */
    static boolean compiled(WasiEngine requested, boolean ready, boolean translating, long codeBytes) {
        return switch (requested) {
            case INTERPRETER -> false;
            case COMPILER -> true;
            case AUTO -> ready || (translating && codeBytes < AUTO_WAITS_BELOW_CODE_BYTES);
        };
    }
}
