package dev.wasmguest.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long preparations say what they do when they start, while they go on and when they end; short ones stay quiet. */
class ProgressLogTest {

    private final Logger logger = Logger.getLogger(ProgressLog.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level level;

    @BeforeEach
    void listen() {
        level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
        logger.setLevel(level);
    }

    @Test
    void aLongPreparationIsAnnouncedRemindedOfAndEnded() throws InterruptedException {
        ProgressLog progress = ProgressLog.start("Guest module big.wasm (31.0 MB)", () -> "translating it",
                Duration.ofMillis(50), Duration.ofMillis(100));
        Thread.sleep(400);
        progress.end(() -> "translated, cached in /cache/x.bin");
        Thread.sleep(200); // a reminder already scheduled finds the watch ended

        List<String> info = messages(Level.INFO);
        assertThat(info.get(0)).isEqualTo("Guest module big.wasm (31.0 MB): translating it");
        assertThat(info.subList(1, info.size() - 1)).isNotEmpty()
                .allMatch(line -> line.matches("Guest module big\\.wasm \\(31\\.0 MB\\): translating it, still,"
                        + " after \\d+\\.\\d s"));
        assertThat(info.get(info.size() - 1))
                .matches("Guest module big\\.wasm \\(31\\.0 MB\\): translated, cached in /cache/x\\.bin after \\d+\\.\\d s");
        assertThat(messages(Level.FINE)).isEmpty();
    }

    @Test
    void aShortPreparationEndsWithOneDebugLine() throws InterruptedException {
        ProgressLog progress = ProgressLog.start("Guest module small.wasm (0.1 MB)", () -> "parsing it");
        progress.end(() -> "parsed");
        Thread.sleep(100);

        assertThat(messages(Level.INFO)).isEmpty();
        assertThat(messages(Level.FINE)).singleElement().asString()
                .startsWith("Guest module small.wasm (0.1 MB): parsed after ");
    }

    private List<String> messages(Level level) {
        return records.stream().filter(record -> record.getLevel().equals(level)).map(LogRecord::getMessage)
                .collect(Collectors.toList());
    }
}
