/**
 * The engine's workings: discovery of suites and cases (JUnit's {@code EngineDiscoveryRequestResolver} with the
 * {@code SuitesSelectorResolver}), their descriptors and the JSON report. Which cases run, what is expected of them
 * and how they run are the core's suite model ({@code SuiteSettings}, {@code Expectations}, {@code CaseRunner}),
 * shared with {@code WasiTestSuite}.
 *
 * <p>May use: the extension's {@code suite}, {@code config}, {@code load}, {@code util} and public model
 * ({@code dev.wasmguest}), the JUnit Platform's engine API. Never the engine's public package, which uses this one.
 */
package dev.wasmguest.suites.internal;
