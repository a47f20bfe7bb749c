/**
 * AssertJ assertions over the results of WASI guest runs: start at
 * {@link dev.wasmguest.assertions.WasiAssertions}.
 *
 * <p>The public API is the package {@code dev.wasmguest.assertions}; every other package is internal.
 */
module dev.wasmguest.assertions {
    exports dev.wasmguest.assertions;
    exports dev.wasmguest.assertions.error;
    // AssertJ generates soft-assertion proxies of WasiResultAssert in its package (a private lookup).
    opens dev.wasmguest.assertions to
            org.assertj.core;

    requires static transitive org.apiguardian.api;
    requires transitive dev.wasmguest;
    requires transitive org.assertj.core;
}
