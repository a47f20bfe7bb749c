/**
 * The suites engine's public face: its id ({@link dev.wasmguest.suites.WasiSuitesEngine#ID}) and configuration
 * parameters ({@link dev.wasmguest.suites.Constants}). Everything under {@code internal} may change.
 */
package dev.wasmguest.suites;
