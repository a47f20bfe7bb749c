/**
 * The WebAssembly component model: a component's binary read into its index spaces and types
 * ({@code ComponentParser}, {@code Component}, {@code Definition}, {@code TypeDef}), refusing with a message what it
 * cannot read; the synchronous canonical ABI over resolved value types ({@code CanonicalAbi}, {@code ValueType},
 * {@code CaseValue}, {@code AbiContext}); type indices resolved ({@code TypeScope}); and instantiation
 * ({@code ComponentInstance}): core modules linked to each other and to the host's functions ({@code HostInstance})
 * through {@code canon lower}, exports lifted to {@code ComponentFunction}s (called as {@code canon lift} calls:
 * {@code LiftedCall}), handles in a {@code HandleTable}; and what typed calls need: Java values for WIT types
 * ({@code WitValues}, with the public model's {@code WitCase} and {@code WitHandle}) and WIT signatures read from text
 * ({@code WitSignature}).
 *
 * <p>May use: the public model ({@code dev.wasmguest}: {@code WitCase}, {@code WitHandle}), the JDK and Endive
 * (memories, traps). Core layer: framework-free, and apart from WASI: the WASI 0.2 interfaces are built on it,
 * never in it.
 */
package dev.wasmguest.internal.component;
