/**
 * The assertions' helpers: the run's context block, snapshot files and their matching, navigation of soft
 * assertions, and how a typed call's result matches what a test expects ({@code WitValueMatch}).
 *
 * <p>May use: the extension's public API ({@code dev.wasmguest}), its configuration
 * ({@code dev.wasmguest.internal.config}, so that the snapshot keys are read like every other key) and AssertJ; no
 * other internal package of the extension. Used by {@code dev.wasmguest.assertions} and its {@code error} package.
 */
package dev.wasmguest.internal.assertions;
