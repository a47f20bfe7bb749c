/**
 * Spec-driven suites: the cases of a directory, their specs (the strict {@code Json} reader, {@code CaseSpec}) and
 * lists of expected failures and skipped cases. The public {@code WasiTestSuite} turns them into JUnit tests.
 *
 * <p>May use: {@code util}. Core layer: framework-free.
 */
package dev.wasmguest.internal.suite;
