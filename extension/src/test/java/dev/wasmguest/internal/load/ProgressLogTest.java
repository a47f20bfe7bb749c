package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.testsupport.LogCapture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Long preparations say what they do when they start, while they go on and when they end; short ones stay quiet.
 * The reminders are fired by hand here, so no test waits for time to pass or depends on how fast it passes.
 */
class ProgressLogTest {

    @RegisterExtension
    final LogCapture log = LogCapture.of(ProgressLog.class);

    private final ManualTimer timer = new ManualTimer();

    @Test
    void aLongPreparationIsAnnouncedRemindedOfAndEnded() {
        ProgressLog progress = ProgressLog.start(
                "Guest module big.wasm (31.0 MB)", () -> "translating it", ProgressLog.QUIET, ProgressLog.EVERY, timer);
        assertThat(timer.delays).containsExactly(ProgressLog.QUIET);

        timer.fire(); // the preparation has taken QUIET
        timer.fire(); // and EVERY more
        timer.fire(); // and again
        progress.end(() -> "translated, cached in /cache/x.bin");
        timer.fire(); // a reminder already scheduled finds the watch ended

        List<String> info = log.messages(Level.INFO);
        assertThat(info).hasSize(4);
        assertThat(info.get(0)).isEqualTo("Guest module big.wasm (31.0 MB): translating it");
        assertThat(info.subList(1, 3))
                .allMatch(line -> line.matches(
                        "Guest module big\\.wasm \\(31\\.0 MB\\): translating it, still, after \\d+\\.\\d s"));
        assertThat(info.get(3))
                .matches(
                        "Guest module big\\.wasm \\(31\\.0 MB\\): translated, cached in /cache/x\\.bin after \\d+\\.\\d s");
        assertThat(log.messages(Level.FINE)).isEmpty();
        assertThat(timer.delays)
                .containsExactly(ProgressLog.QUIET, ProgressLog.EVERY, ProgressLog.EVERY, ProgressLog.EVERY);
        assertThat(timer.pending).as("no reminder after the end").isEmpty();
    }

    @Test
    void aShortPreparationEndsWithOneDebugLine() {
        ProgressLog progress = ProgressLog.start(
                "Guest module small.wasm (0.1 MB)", () -> "parsing it", ProgressLog.QUIET, ProgressLog.EVERY, timer);
        progress.end(() -> "parsed");
        timer.fire(); // its first reminder comes after the end

        assertThat(log.messages(Level.INFO)).isEmpty();
        assertThat(log.messages(Level.FINE))
                .singleElement()
                .asString()
                .startsWith("Guest module small.wasm (0.1 MB): parsed after ");
        assertThat(timer.pending).isEmpty();
    }

    /** Keeps the scheduled reminders until the test fires them, oldest first. */
    private static final class ManualTimer implements ProgressLog.Timer {
        final Deque<Runnable> pending = new ArrayDeque<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public void after(Duration delay, Runnable task) {
            delays.add(delay);
            pending.add(task);
        }

        void fire() {
            pending.removeFirst().run();
        }
    }
}
