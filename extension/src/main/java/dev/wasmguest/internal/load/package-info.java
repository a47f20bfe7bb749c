/**
 * Turning bytes into something runnable, once per module: parse and validate ({@code ModuleParser},
 * {@code ValidatedModules}), translate to JVM bytecode ({@code Translator}) and keep the result for later JVMs
 * ({@code CompiledCodeCache}); {@code ModuleLoader} loads each module once, in the background, for every runner of it,
 * into a {@code LoadedModule}.
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code resolve}, {@code remote}, {@code component}, {@code coverage}, {@code trace}, {@code source}, {@code config}, {@code util}, Endive. Knows nothing of
 * running.
 * Core layer: framework-free.
 */
package dev.wasmguest.internal.load;
