/**
 * The engine's workings: discovery of suites and cases from selectors and configuration, their descriptors, the
 * upstream TOML expectation files and the JSON report. Cases run through the core's {@code CaseRunner}.
 *
 * <p>May use: the extension's {@code suite}, {@code config}, {@code load}, {@code util} and public model
 * ({@code dev.wasmguest}), the JUnit Platform's engine API, tomlj. Never the engine's public package, which uses
 * this one.
 */
package dev.wasmguest.suites.internal;
