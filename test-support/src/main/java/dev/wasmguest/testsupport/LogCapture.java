package dev.wasmguest.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records what some classes log, at every level, during each test, and keeps it off the console: a test that
 * expects a warning asserts on it here, so that a build log shows only the warnings nobody expected. Register it
 * with {@code @RegisterExtension}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final List<Captured> loggers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LogCapture(List<Captured> loggers) {
        this.loggers = loggers;
    }

    /** Captures what the loggers named after {@code loggingClasses} log. */
    public static LogCapture of(Class<?>... loggingClasses) {
        return named(Arrays.stream(loggingClasses).map(Class::getName).toArray(String[]::new));
    }

    /** Captures what the loggers called {@code names} log. */
    public static LogCapture named(String... names) {
        return new LogCapture(Arrays.stream(names)
                .map(name -> new Captured(Logger.getLogger(name)))
                .collect(Collectors.toList()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        records.clear();
        loggers.forEach(captured -> captured.start(handler));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        loggers.forEach(captured -> captured.stop(handler));
    }

    /** The messages logged at exactly {@code level}, in order, their parameters filled in. */
    public List<String> messages(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream()
                .filter(record -> record.getLevel().equals(level))
                .map(formatter::formatMessage)
                .collect(Collectors.toList());
    }

    /** One logger, and how it was set before the test. */
    private static final class Captured {
        // A strong reference: java.util.logging forgets loggers (and their settings) nobody holds.
        private final Logger logger;
        private Level level;
        private boolean useParentHandlers;

        Captured(Logger logger) {
            this.logger = logger;
        }

        void start(Handler handler) {
            level = logger.getLevel();
            useParentHandlers = logger.getUseParentHandlers();
            logger.setLevel(Level.ALL);
            logger.setUseParentHandlers(false);
            logger.addHandler(handler);
        }

        void stop(Handler handler) {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(useParentHandlers);
            logger.setLevel(level);
        }
    }
}
