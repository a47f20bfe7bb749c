package dev.wasmguest.it;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The program each JVM of {@link SharedCacheAcrossJvmsTest} runs: resolve a module through the shared cache and
 * run it once, printing the engine's debug lines (whether it translated the module or loaded compiled code) and
 * the guest's stdout. Exits with the guest's exit code.
 */
public final class ResolveInAnotherJvm {

    private ResolveInAnotherJvm() {}

    public static void main(String[] args) {
        Logger engine = Logger.getLogger("dev.wasmguest.internal.load");
        engine.setLevel(Level.FINE);
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
        WasiResult result = WasiRunner.fromUrl(args[0]).run(args[1]);
        System.out.print(result.stdout());
        System.exit(result.exitCode());
    }
}
