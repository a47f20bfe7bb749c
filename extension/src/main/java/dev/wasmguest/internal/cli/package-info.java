/**
 * The command line: runs one guest the way {@code wasmtime run} is invoked by the wasi-testsuite adapters, or merges
 * the reports of a sharded suite run. It sits above the core, which never imports it ({@code run.ReproduceCommand}
 * names its main class).
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code run}, {@code load}, {@code trace}, {@code resolve}, {@code suite}, {@code source}, {@code config}, {@code util}.
 * Framework-free.
 */
package dev.wasmguest.internal.cli;
