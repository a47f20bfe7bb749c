package dev.wasmguest.internal.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Records what one class logs, at every level, during each test: register it with {@code @RegisterExtension}. */
final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
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

    LogCapture(Class<?> loggingClass) {
        this.logger = Logger.getLogger(loggingClass.getName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        level = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
        logger.setLevel(level);
    }

    /** The messages logged at exactly {@code level}, in order. */
    List<String> messages(Level level) {
        return records.stream().filter(record -> record.getLevel().equals(level)).map(LogRecord::getMessage)
                .collect(Collectors.toList());
    }
}
