/**
 * How a module is named: a URL, a file, a class-path resource or bytes.
 *
 * <p>May use: {@code util}. Core layer: framework-free.
 */
package dev.wasmguest.internal.source;
