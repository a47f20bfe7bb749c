package dev.wasmguest.it;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;

/**
 * The program each JVM of {@link SharedCacheAcrossJvmsTest} runs: resolve a module through the shared cache and
 * run it once. Exits with the guest's exit code.
 */
public final class ResolveInAnotherJvm {

    private ResolveInAnotherJvm() {
    }

    public static void main(String[] args) {
        WasiResult result = WasiRunner.fromUrl(args[0]).run(args[1]);
        System.out.print(result.stdout());
        System.exit(result.exitCode());
    }
}
