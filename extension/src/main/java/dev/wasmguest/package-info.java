/**
 * The public API: {@link dev.wasmguest.WasiRunner} and {@link dev.wasmguest.WasiResult} (with
 * {@link dev.wasmguest.WasiOutcome}, {@link dev.wasmguest.WasiEngine}, {@link dev.wasmguest.WasmGuestSetting} and
 * {@link dev.wasmguest.GuestResolutionException}) run guests without JUnit; {@link dev.wasmguest.WasmGuest},
 * {@link dev.wasmguest.WasmGuestExtension} and {@link dev.wasmguest.WasiTestSuite} bring them to JUnit Jupiter tests.
 *
 * <p>Every other package is internal and may change without notice.
 *
 * <p>May use: {@code junit}, {@code suite}, {@code run}, {@code load}, {@code trace}, {@code resolve}, {@code source},
 * {@code config}, {@code util}.
 */
package dev.wasmguest;
