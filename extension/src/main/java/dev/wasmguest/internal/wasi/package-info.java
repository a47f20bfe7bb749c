/**
 * Where we correct Endive's WASI to behave as wasmtime does: the flags of open files ({@code FdFlags}), rights
 * ({@code Rights}), calls on symlinks ({@code SymlinkCalls}); and what Endive lacks: read-only directories
 * ({@code ReadOnlyDirectories}), clocks that a test fixes ({@code DeterministicTime}), and Endive's WASI log routed
 * to our logger ({@code WasiCallLog}). A correction stays only while a conformance case fails without it; {@code
 * docs/suites.md} lists each with those cases.
 *
 * <p>May use: {@code util}, Endive. Core layer: framework-free.
 */
package dev.wasmguest.internal.wasi;
