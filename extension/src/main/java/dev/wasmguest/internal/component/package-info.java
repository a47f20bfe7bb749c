/**
 * The WebAssembly component model: a component's binary read into its index spaces and types
 * ({@code ComponentParser}, {@code Component}, {@code Definition}, {@code TypeDef}), refusing with a message what it
 * cannot read.
 *
 * <p>May use: the JDK only. Core layer: framework-free, and apart from WASI: the WASI 0.2 interfaces are built on it,
 * never in it.
 */
package dev.wasmguest.internal.component;
