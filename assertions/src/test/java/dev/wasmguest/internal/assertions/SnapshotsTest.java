package dev.wasmguest.internal.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots are kept by the test class's full name, and found where 0.1 kept them until they are updated. */
class SnapshotsTest {

    private final Snapshots snapshots = new Snapshots(Path.of("snaps"), false, false);

    @Test
    void twoClassesOfOneSimpleNameKeepTheirSnapshotsApart() {
        assertThat(snapshots.file("com.a.ParserTest/parses", "stdout"))
                .isEqualTo(Path.of("snaps/com.a.ParserTest/parses.stdout"))
                .isNotEqualTo(snapshots.file("com.b.ParserTest/parses", "stdout"));
    }

    @Test
    void aRequestedWriteIsLoggedAsInformationNotAsAWarning(@TempDir Path directory) {
        Logger logger = Logger.getLogger(Snapshots.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            Snapshots.write(directory.resolve("a/run.stdout"), "hello\n");
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(records)
                .singleElement()
                .satisfies(record -> assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.INFO))
                .extracting(LogRecord::getMessage)
                .asString()
                .startsWith("Snapshot written: ");
    }

    @Test
    void theFormerFileIsNamedByTheSimpleClassName() {
        assertThat(snapshots.legacyFile("com.a.ParserTest/parses.2", "exit"))
                .isEqualTo(Path.of("snaps/ParserTest/parses.2.exit"));
        assertThat(snapshots.legacyFile("com.a.Outer$Inner/parses", "stdout"))
                .isEqualTo(Path.of("snaps/Outer$Inner/parses.stdout"));
        assertThat(snapshots.legacyFile("named", "stdout")).isEqualTo(Path.of("snaps/named.stdout"));
    }
}
