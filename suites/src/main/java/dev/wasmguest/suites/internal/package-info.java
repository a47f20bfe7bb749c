/**
 * The engine's workings: discovery of suites and cases from selectors and configuration, their descriptors, the
 * upstream TOML expectation files and the JSON report. Cases run through the core's {@code CaseRunner}.
 */
package dev.wasmguest.suites.internal;
