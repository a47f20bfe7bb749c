/**
 * The JUnit layer's helpers: the per-run registry of modules, run reports, offline skips, test names, the settings a
 * test sees and the JUnit version check. The public {@code WasmGuestExtension}, {@code WasmGuest} and
 * {@code WasiTestSuite} are its entry points.
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code run}, {@code load}, {@code resolve}, {@code source}, {@code config}, {@code util}, JUnit
 * Jupiter's API. Nothing else may use it, except the public JUnit types.
 */
package dev.wasmguest.internal.junit;
