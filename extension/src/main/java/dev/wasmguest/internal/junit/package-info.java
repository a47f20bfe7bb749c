/**
 * The JUnit layer's helpers: the per-run registry of modules, run reports, offline skips, test names, the settings a
 * test sees and the JUnit version check. The public {@code WasmGuestExtension}, {@code WasmGuest} and
 * {@code WasiTestSuite} are its entry points.
 *
 * <p>May use: the core packages, JUnit Jupiter's API. Nothing else may use it, except the public JUnit types.
 */
package dev.wasmguest.internal.junit;
