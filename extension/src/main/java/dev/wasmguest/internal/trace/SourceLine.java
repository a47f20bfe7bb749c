package dev.wasmguest.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A line of a guest's source, as its DWARF line table names it.
 *
 * @param file the path the table gives
 * @param line from 1
 */
@API(status = INTERNAL, since = "0.1")
public record SourceLine(String file, int line) {}
