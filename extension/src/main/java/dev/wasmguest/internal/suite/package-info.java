/**
 * Spec-driven suites: the cases of a directory, their specs ({@code CaseSpec}; JSON read and quoted by
 * {@code Json}), lists of expected failures and skipped cases, and the one case runner. The public
 * {@code WasiTestSuite} and the suites engine turn them into JUnit tests.
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code run}, {@code load}, {@code source}, {@code config}, {@code util}. Core layer: framework-free.
 */
package dev.wasmguest.internal.suite;
