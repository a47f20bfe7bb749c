/**
 * The WASI 0.2 interfaces ({@code wasi:cli}, {@code wasi:io}, {@code wasi:clocks}, {@code wasi:random},
 * {@code wasi:filesystem}) for components, on what a run grants ({@code WasiHost}), built on the component model and
 * apart from it, so that WASI 0.3 can follow beside it.
 *
 * <p>May use: {@code component}, Endive. Core layer: framework-free.
 */
package dev.wasmguest.internal.wasip2;
