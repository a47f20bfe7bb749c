/**
 * Where a guest was when it trapped: the WebAssembly call stack as each engine leaves it, and what a module says
 * about its functions (names, demangled where cheap) and its source lines (DWARF {@code .debug_line}).
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code util}, Endive. Core layer: framework-free.
 */
package dev.wasmguest.internal.trace;
