/**
 * The assertions' helpers: the run's context block, snapshot files and their matching, navigation of soft
 * assertions.
 *
 * <p>May use: the extension's public API ({@code dev.wasmguest}) and AssertJ; never the extension's internal packages.
 * Used by {@code dev.wasmguest.assertions} and its {@code error} package.
 */
package dev.wasmguest.internal.assertions;
