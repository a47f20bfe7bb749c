/**
 * AssertJ assertions over {@link dev.wasmguest.WasiResult}: start at {@link dev.wasmguest.assertions.WasiAssertions}
 * (or {@link dev.wasmguest.assertions.SoftWasiAssertions}); extend {@link dev.wasmguest.assertions.AbstractWasiResultAssert}
 * for assertions of your own.
 */
package dev.wasmguest.assertions;
