/**
 * The JUnit Platform test engine {@code wasmguest-suites}: folders of WASI programs in the wasi-testsuite format
 * run as tests, with no Java test code. Its configuration parameters are in {@link dev.wasmguest.suites.Constants}.
 */
module dev.wasmguest.suites {
    exports dev.wasmguest.suites;

    requires static transitive org.apiguardian.api;
    requires transitive org.junit.platform.engine;
    requires dev.wasmguest;

    provides org.junit.platform.engine.TestEngine with
            dev.wasmguest.suites.WasiSuitesEngine;
}
