package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How Endive executes a guest. The default comes from the configuration key {@code wasmguest.engine}
 * ({@code auto}, {@code compiler} or {@code interpreter}; default {@code auto});
 * {@link WasiRunner#withEngine(WasiEngine)} overrides it. {@link WasiResult#engine()} says which engine ran a run:
 * {@link #COMPILER} or {@link #INTERPRETER}, never {@link #AUTO}.
 *
 * <p>Translating a module to JVM bytecode happens once per machine: the compiled code is kept in the cache
 * directory and loaded by later JVMs. It always runs on a thread of its own and is never part of a run's timeout or
 * duration ({@link WasiResult#preparation()} says how long a run waited for it).
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum WasiEngine {

    /**
     * Endive's runtime compiler: runs wait until the module's compiled code is loaded from the cache or, on a
     * machine that never translated the module, until it is translated (bounded by {@code wasmguest.prepare.timeout});
     * then they run fast.
     */
    COMPILER,

    /** Endive's interpreter: no translation, much slower execution. */
    INTERPRETER,

    /**
     * Compiled code when there is some (this JVM has it, or the cache holds it), else the interpreter at once while
     * the module is translated in the background; every run that starts after the translation finished uses the
     * compiled code. A module with less than 1 MiB of code is translated within a fraction of a second, which its
     * runs wait for, as with {@link #COMPILER}: for such a module the interpreter would cost more than it saves. A
     * module whose translation fails runs in the interpreter. The default.
     *
     * @since 0.1
     */
    AUTO
}
