/**
 * The suites engine's public face: its id ({@link dev.wasmguest.suites.WasiSuitesEngine#ID}) and configuration
 * parameters ({@link dev.wasmguest.suites.Constants}). Everything under {@code internal} may change.
 *
 * <p>May use: {@code suites.internal}, the JUnit Platform's engine API.
 */
package dev.wasmguest.suites;
