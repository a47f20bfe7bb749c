/**
 * Where we correct Endive's WASI to behave as wasmtime does: the flags of open files ({@code FdFlags}), rights ({@code Rights}), read-only directories
 * ({@code ReadOnlyDirectories}), calls on symlinks ({@code SymlinkCalls}), clocks that a
 * test fixes ({@code DeterministicTime}), and Endive's WASI log routed to our logger ({@code WasiCallLog}).
 *
 * <p>May use: {@code util}, Endive. Core layer: framework-free.
 */
package dev.wasmguest.internal.wasi;
