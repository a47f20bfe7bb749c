/**
 * The command line: runs one guest the way {@code wasmtime run} is invoked by the wasi-testsuite adapters, and
 * writes the command that reproduces a suite's case outside JUnit.
 *
 * <p>May use: {@code run}, {@code load}, {@code source}, {@code config}, {@code util}. Core layer: framework-free.
 */
package dev.wasmguest.internal.cli;
