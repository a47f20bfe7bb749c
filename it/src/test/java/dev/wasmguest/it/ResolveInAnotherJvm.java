package dev.wasmguest.it;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The program each JVM of {@link SharedCacheAcrossJvmsTest} runs: resolve a module through the shared cache and
 * run it once, printing each of the engine's log lines (whether it translated the module or loaded compiled code)
 * once, after {@code log: }, whatever its level, and the guest's stdout. Exits with the guest's exit code.
 */
public final class ResolveInAnotherJvm {

    private ResolveInAnotherJvm() {}

    public static void main(String[] args) {
        printLogLines("dev.wasmguest.internal.load");
        WasiResult result = WasiRunner.fromUrl(args[0]).run(args[1]);
        System.out.print(result.stdout());
        System.exit(result.exitCode());
    }

    /** Prints every line {@code logger} and the loggers below it log, whatever its level, after {@code log: }. */
    static void printLogLines(String logger) {
        Logger engine = Logger.getLogger(logger);
        engine.setLevel(Level.FINE);
        // Only the handler below: the console's copy of a slow step's INFO line would count it twice.
        engine.setUseParentHandlers(false);
        engine.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println("log: " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }
}
