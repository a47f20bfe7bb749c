package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.testsupport.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Long preparations say what they do when they start, while they go on and when they end; short ones stay quiet. */
class ProgressLogTest {

    @RegisterExtension
    final LogCapture log = LogCapture.of(ProgressLog.class);

    @Test
    void aLongPreparationIsAnnouncedRemindedOfAndEnded() throws InterruptedException {
        ProgressLog progress = ProgressLog.start(
                "Guest module big.wasm (31.0 MB)",
                () -> "translating it",
                Duration.ofMillis(50),
                Duration.ofMillis(100));
        Thread.sleep(400);
        progress.end(() -> "translated, cached in /cache/x.bin");
        Thread.sleep(200); // a reminder already scheduled finds the watch ended

        List<String> info = log.messages(Level.INFO);
        assertThat(info.get(0)).isEqualTo("Guest module big.wasm (31.0 MB): translating it");
        assertThat(info.subList(1, info.size() - 1))
                .isNotEmpty()
                .allMatch(line -> line.matches(
                        "Guest module big\\.wasm \\(31\\.0 MB\\): translating it, still," + " after \\d+\\.\\d s"));
        assertThat(info.get(info.size() - 1))
                .matches(
                        "Guest module big\\.wasm \\(31\\.0 MB\\): translated, cached in /cache/x\\.bin after \\d+\\.\\d s");
        assertThat(log.messages(Level.FINE)).isEmpty();
    }

    @Test
    void aShortPreparationEndsWithOneDebugLine() throws InterruptedException {
        ProgressLog progress = ProgressLog.start("Guest module small.wasm (0.1 MB)", () -> "parsing it");
        progress.end(() -> "parsed");
        Thread.sleep(100);

        assertThat(log.messages(Level.INFO)).isEmpty();
        assertThat(log.messages(Level.FINE))
                .singleElement()
                .asString()
                .startsWith("Guest module small.wasm (0.1 MB): parsed after ");
    }
}
