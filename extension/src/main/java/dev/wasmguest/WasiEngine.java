package dev.wasmguest;

/**
 * How Chicory executes a guest. The default comes from the configuration key {@code wasmguest.engine}
 * ({@code compiler} or {@code interpreter}); {@link WasiRunner#withEngine(WasiEngine)} overrides it.
 *
 * @since 0.1.0
 */
public enum WasiEngine {

    /**
     * Chicory's runtime compiler: the module is translated to JVM bytecode once per JVM, then runs fast. The
     * default.
     */
    COMPILER,

    /** Chicory's interpreter: no translation cost, much slower execution. */
    INTERPRETER
}
