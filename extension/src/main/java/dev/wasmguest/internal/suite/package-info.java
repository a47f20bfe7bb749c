/**
 * Spec-driven suites, one model for the public {@code WasiTestSuite} and the suites engine alike: the cases of a
 * directory ({@code SuiteDirectory}, named by its {@code manifest.json}), their specs ({@code CaseSpec}, read by
 * {@code SpecReader}; JSON read and quoted by {@code Json}), which cases run ({@code CaseGlobs}), what is expected of
 * them ({@code Expectations}: skip lists, the upstream TOML, lists of expected failures, in that precedence), the
 * suites keys ({@code SuiteSettings}) and the one case runner ({@code CaseRunner}).
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code run}, {@code load}, {@code source}, {@code config}, {@code util}, tomlj. Core layer: framework-free.
 */
package dev.wasmguest.internal.suite;
