/**
 * Small helpers with no notion of guests: atomic file writes, the cache lock across threads and JVMs, background
 * work, lazy values, digests, durations and excerpts in words.
 *
 * <p>May use: the JDK only. Base layer: every other package may use it.
 */
package dev.wasmguest.internal.util;
