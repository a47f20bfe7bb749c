package dev.wasmguest.internal.engine;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a guest once in a fresh instance with its own WASI context. Only what the {@link RunSpec} grants reaches
 * the guest: its arguments and environment, its stdin bytes (then EOF), no files, no host streams.
 */
public final class GuestExecution {

    private GuestExecution() {
    }

    public static RunRecord run(CompiledGuest guest, RunSpec spec) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        WasiOptions options = sandboxedOptions(guest, spec, stdout, stderr);
        long start = System.nanoTime();
        int exitCode = 0;
        String trap = null;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            Instance.builder(guest.module())
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withMachineFactory(guest.machineFactory())
                    .withMemoryFactory(ByteArrayMemory::new)
                    .build(); // instantiating a WASI command runs its _start
        } catch (WasiExitException exit) {
            // Caught before ChicoryException, which it extends: an exit is not a trap.
            exitCode = exit.exitCode();
        } catch (ChicoryException e) {
            trap = TrapMessages.describe(e);
        } catch (StackOverflowError e) {
            trap = "call stack exhausted (the JVM thread running the guest overflowed its stack)";
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        return new RunRecord(exitCode, trap, stdout.toByteArray(), stderr.toByteArray(), duration);
    }

    private static WasiOptions sandboxedOptions(CompiledGuest guest, RunSpec spec, ByteArrayOutputStream stdout,
            ByteArrayOutputStream stderr) {
        List<String> argv = spec.argv(guest.fileName());
        WasiOptions.Builder options = WasiOptions.builder()
                .withArguments(argv)
                .withStdin(new ByteArrayInputStream(spec.stdin()), false)
                .withStdout(stdout, false)
                .withStderr(stderr, false);
        for (Map.Entry<String, String> variable : spec.env().entrySet()) {
            options.withEnvironment(variable.getKey(), variable.getValue());
        }
        return options.build();
    }
}
