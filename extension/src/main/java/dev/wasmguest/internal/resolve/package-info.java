/**
 * Getting a module's bytes: HTTP with retries and limits, the disk cache of modules shared by threads and JVMs,
 * {@code sha256} pins, offline mode, and the core's failure for a module that cannot be had
 * ({@link dev.wasmguest.internal.resolve.ModuleLoadException}).
 *
 * <p>May use: {@code source}, {@code config}, {@code util}. Core layer: framework-free.
 */
package dev.wasmguest.internal.resolve;
