package com.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Writes the keys of every report entry to target/report-entries.txt, for consumers/run.sh to check. */
public class ReportEntryLog implements TestExecutionListener {

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        try {
            Files.writeString(Path.of("target/report-entries.txt"), test.getDisplayName() + " "
                    + entry.getKeyValuePairs().keySet() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
