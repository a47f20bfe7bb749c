/**
 * Runs WASI guests on Endive and gives JUnit Jupiter tests their runners and results.
 *
 * <p>The public API is the package {@code dev.wasmguest}, and {@code dev.wasmguest.junit} for JUnit Jupiter tests;
 * every package named {@code internal} is internal and may change without notice. JUnit Jupiter is a static dependency: a test path has it in the version its user chose, and
 * {@link dev.wasmguest.WasiRunner} works without it.
 */
@SuppressWarnings({"requires-automatic", "module"
}) // Jimfs has no module descriptor; the assertions module compiles after this one
module dev.wasmguest {
    exports dev.wasmguest;
    exports dev.wasmguest.junit;
    // The suites engine (artifact wasmguest-suites) runs cases through the core it shares with WasiTestSuite.
    // The assertions read the snapshot keys as every key is read.
    exports dev.wasmguest.internal.config to
            dev.wasmguest.assertions,
            dev.wasmguest.suites;
    exports dev.wasmguest.internal.load to
            dev.wasmguest.suites;
    exports dev.wasmguest.internal.suite to
            dev.wasmguest.suites;
    exports dev.wasmguest.internal.util to
            dev.wasmguest.suites;

    requires static transitive org.apiguardian.api;
    requires static transitive org.junit.jupiter.api;
    // MissingGuestHint is found through META-INF/services on the class path only: a "provides" here would make the
    // launcher a module every user of this one must resolve, JUnit or not.
    requires static org.junit.platform.launcher;
    requires run.endive.compiler;
    requires run.endive.log;
    requires run.endive.runtime;
    requires run.endive.wasi;
    requires run.endive.wasm;
    requires com.google.common.jimfs;
    requires org.tomlj;
    requires java.net.http;
    requires org.objectweb.asm;
    requires org.objectweb.asm.tree;
}
