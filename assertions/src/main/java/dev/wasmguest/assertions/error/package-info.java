/**
 * The error-message factories behind the assertions, public as AssertJ's are: data goes in as arguments, and every
 * message ends with the context of the run, its output bounded.
 */
package dev.wasmguest.assertions.error;
