/**
 * AssertJ assertions over {@link dev.wasmguest.WasiResult}: start at {@link dev.wasmguest.assertions.WasiAssertions}
 * (or {@link dev.wasmguest.assertions.SoftWasiAssertions}); extend {@link dev.wasmguest.assertions.AbstractWasiResultAssert}
 * for assertions of your own.
 *
 * <p>May use: {@code dev.wasmguest}, {@code assertions.error}, {@code assertions}, AssertJ.
 */
package dev.wasmguest.assertions;
