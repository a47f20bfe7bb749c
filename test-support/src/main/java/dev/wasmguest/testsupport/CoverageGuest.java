package dev.wasmguest.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The coverage guest, {@code guests/src/coverage.c}, as tests of its coverage read it: the lines of its source, and
 * its record in an LCOV file.
 */
public final class CoverageGuest {

    /** The source file as the guest's line table names it (built from the project's root). */
    public static final String SOURCE = "guests/src/coverage.c";

    private CoverageGuest() {}

    /** The line of the source that holds {@code text}, from 1; run from a module's directory, beside guests/. */
    public static int lineOf(String text) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("..", SOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line of " + SOURCE + " holds " + text);
    }

    /** The lines of the record of {@code file} in an LCOV file, from its SF line to its end_of_record. */
    public static List<String> lcovRecord(List<String> lcov, String file) {
        int start = lcov.indexOf("SF:" + file);
        if (start < 0) {
            throw new AssertionError("no record of " + file + " in:\n" + String.join("\n", lcov));
        }
        return lcov.subList(start, start + lcov.subList(start, lcov.size()).indexOf("end_of_record"));
    }
}
