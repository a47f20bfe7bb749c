/**
 * Getting a module's bytes: HTTP with retries and limits, the disk cache of modules shared by threads and JVMs,
 * {@code sha256} pins, offline mode. A module that cannot be had is a {@link dev.wasmguest.GuestResolutionException}
 * ({@code OfflineMissException} when offline mode kept it from being downloaded).
 *
 * <p>May use: {@code dev.wasmguest}, {@code source}, {@code remote}, {@code config}, {@code util}. Core layer:
 * framework-free.
 */
package dev.wasmguest.internal.resolve;
