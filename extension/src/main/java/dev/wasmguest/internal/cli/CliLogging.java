package dev.wasmguest.internal.cli;

import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * wasmguest's own log lines in a command-line process: its stderr is the guest's, so they are off unless
 * {@code --verbose} asks for them, or the user gave a logging configuration of their own. With {@code --verbose}
 * each line is {@code wasmguest: LEVEL: message} on stderr, down to the engine's DEBUG lines (whether it translated
 * the module or loaded compiled code, and how long that took); the notes on each WASI call stay off.
 */
final class CliLogging {

    /** Held for the process's life: the logging framework keeps its loggers only weakly. */
    private static final Logger WASMGUEST = Logger.getLogger("dev.wasmguest");

    private static final Logger WASI_CALLS = Logger.getLogger("dev.wasmguest.wasi");

    private CliLogging() {}

    /** Called once, by {@link Main#main(String[])}: the process is the command line's alone. */
    static void configure(boolean verbose) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        if (!verbose) {
            WASMGUEST.setLevel(Level.OFF);
            return;
        }
        StreamHandler stderr = new StreamHandler(System.err, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush(); // at once, between the guest's own writes
            }
        };
        stderr.setLevel(Level.FINE);
        WASMGUEST.setUseParentHandlers(false);
        WASMGUEST.addHandler(stderr);
        WASMGUEST.setLevel(Level.FINE);
        WASI_CALLS.setLevel(Level.INFO);
    }

    /** {@code wasmguest: LEVEL: message}, then the exception's own line if there is one. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String level = record.getLevel().intValue() >= Level.INFO.intValue()
                    ? record.getLevel().getName()
                    : "DEBUG";
            String failure = record.getThrown() == null ? "" : " (" + record.getThrown() + ")";
            return "wasmguest: " + level + ": " + formatMessage(record) + failure + System.lineSeparator();
        }
    }
}
