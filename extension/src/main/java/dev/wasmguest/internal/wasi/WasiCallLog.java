package dev.wasmguest.internal.wasi;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import run.endive.log.Logger;

/**
 * What Endive's WASI functions report, at DEBUG or below on the logger {@code dev.wasmguest.wasi}.
 *
 * <p>Endive logs a WASI call it does not support at ERROR on the JVM's console; the guest sees the errno and
 * decides (a real runtime prints nothing), so a test log would carry errors that are no failure. Whoever wants
 * to know which calls a guest made that Endive refuses turns that logger to DEBUG.
 */
@API(status = INTERNAL, since = "0.1")
public final class WasiCallLog implements Logger {

    public static final WasiCallLog INSTANCE = new WasiCallLog();

    private static final System.Logger LOG = System.getLogger("dev.wasmguest.wasi");

    private WasiCallLog() {}

    @Override
    public void log(Logger.Level level, String message, Throwable cause) {
        LOG.log(map(level), message, cause);
    }

    @Override
    public boolean isLoggable(Logger.Level level) {
        return LOG.isLoggable(map(level));
    }

    // Inside a Endive Logger, a bare Level is Endive's.
    private static System.Logger.Level map(Logger.Level level) {
        return level.getSeverity() >= Logger.Level.WARNING.getSeverity()
                ? System.Logger.Level.DEBUG
                : System.Logger.Level.TRACE;
    }
}
