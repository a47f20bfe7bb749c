/**
 * wasmguest in JUnit Jupiter tests: {@link dev.wasmguest.junit.WasmGuest} declares a guest and injects its runner,
 * result or instance, {@link dev.wasmguest.junit.WasmGuestExtension} is the extension behind it (also registered
 * programmatically), and {@link dev.wasmguest.junit.WasiTestSuite} runs a directory of cases as dynamic tests.
 *
 * <p>May use: the public API ({@code dev.wasmguest}), {@code junit}, {@code suite}, {@code run}, {@code load},
 * {@code source}, {@code config}, {@code util}, JUnit Jupiter.
 */
package dev.wasmguest.junit;
