package dev.wasmguest.internal.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.testsupport.LogCapture;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots are kept by the test class's full name, and found where 0.1 kept them until they are updated. */
class SnapshotsTest {

    @RegisterExtension
    final LogCapture log = LogCapture.of(Snapshots.class);

    private final Snapshots snapshots = new Snapshots(Path.of("snaps"), false, false);

    @Test
    void twoClassesOfOneSimpleNameKeepTheirSnapshotsApart() {
        assertThat(snapshots.file("com.a.ParserTest/parses", "stdout"))
                .isEqualTo(Path.of("snaps/com.a.ParserTest/parses.stdout"))
                .isNotEqualTo(snapshots.file("com.b.ParserTest/parses", "stdout"));
    }

    @Test
    void theFormerFileIsNamedByTheSimpleClassName() {
        assertThat(snapshots.legacyFile("com.a.ParserTest/parses.2", "exit"))
                .isEqualTo(Path.of("snaps/ParserTest/parses.2.exit"));
        assertThat(snapshots.legacyFile("com.a.Outer$Inner/parses", "stdout"))
                .isEqualTo(Path.of("snaps/Outer$Inner/parses.stdout"));
        assertThat(snapshots.legacyFile("named", "stdout")).isEqualTo(Path.of("snaps/named.stdout"));
    }

    @Test
    void aRequestedWriteIsLoggedAsInformationNotAsAWarning(@TempDir Path directory) {
        Snapshots.write(directory.resolve("a/run.stdout"), "hello\n");

        assertThat(log.messages(Level.INFO)).singleElement().asString().startsWith("Snapshot written: ");
        assertThat(log.messages(Level.WARNING)).isEmpty();
    }
}
