/**
 * The error-message factories behind the assertions, public as AssertJ's are: data goes in as arguments, and every
 * message ends with the context of the run, its output bounded.
 *
 * <p>May use: {@code dev.wasmguest}, {@code assertions}, AssertJ.
 */
package dev.wasmguest.assertions.error;
