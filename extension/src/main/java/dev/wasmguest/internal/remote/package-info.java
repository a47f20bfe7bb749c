/**
 * The remote cache: modules and compiled code that the machines of a CI fleet share over HTTP
 * ({@code RemoteCache}), compiled code authenticated with a key untrusted builds do not have
 * ({@code EntrySignature}).
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code config}, {@code util}. Knows nothing of modules
 * beyond their sha256.
 * Core layer: framework-free.
 */
package dev.wasmguest.internal.remote;
