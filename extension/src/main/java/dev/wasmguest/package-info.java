/**
 * The public API, framework-free: {@link dev.wasmguest.WasiRunner} and {@link dev.wasmguest.WasiInstance} run guests
 * and give {@link dev.wasmguest.WasiResult}s (with {@link dev.wasmguest.WasiOutcome}, {@link dev.wasmguest.WasiEngine},
 * {@link dev.wasmguest.WasmFrame}); {@link dev.wasmguest.WasmGuestSetting} names every configuration key, and
 * {@link dev.wasmguest.GuestResolutionException} says why a module could not be had. The JUnit Jupiter layer over it
 * is {@code dev.wasmguest.junit}.
 *
 * <p>Every package named {@code internal} is internal and may change without notice.
 *
 * <p>May use: {@code run}, {@code load}, {@code coverage}, {@code source}, {@code config}, {@code util}.
 */
package dev.wasmguest;
