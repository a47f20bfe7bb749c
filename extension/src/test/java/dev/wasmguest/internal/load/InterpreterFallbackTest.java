package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.testsupport.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function too large for one JVM method runs in Endive's interpreter; we say so in a log line naming the
 * function (INFO once per module and cache, DEBUG when the code is loaded again), not on the JVM's stderr, and the
 * guest still runs correctly.
 */
class InterpreterFallbackTest {

    private static final String MESSAGE = "1 function is too large for one JVM method (or, at over 50000 bytes of"
            + " WebAssembly, likely to be), so Endive runs it in its interpreter (slower than compiled code):"
            + " function 7 (count)";

    @RegisterExtension
    final LogCapture log = LogCapture.of(Translation.class);

    @Test
    void interpretedFunctionIsLoggedWithItsNameAndTheGuestRunsCorrectly() {
        LoadedModule guest = TestGuests.prepare(TestGuests.resource("huge-function.wasm"));

        WasiResult record = TestGuests.run(guest, RunSpec.EMPTY.withEngine(WasiEngine.COMPILER));

        assertThat(record.outcome()).isEqualTo(WasiOutcome.EXITED);
        assertThat(record.stdout()).isEqualTo("total: 20000\n");
        assertThat(log.messages(Level.INFO)).containsExactly("Guest module " + guest.source() + ": " + MESSAGE);
    }

    @Test
    void infoOncePerModuleAndCacheThenDebug(@TempDir Path cacheDir) {
        byte[] huge = TestGuests.resource("huge-function.wasm");
        EngineCaches caches = new EngineCaches(
                Optional.of(new CompiledCodeCache(cacheDir, Duration.ofSeconds(10))), ValidatedModules.in(cacheDir));

        TestGuests.run(TestGuests.prepare(huge, caches), RunSpec.EMPTY.withEngine(WasiEngine.COMPILER));
        LoadedModule loaded = TestGuests.prepare(huge, caches); // as a later JVM: from the cache
        WasiResult record = TestGuests.run(loaded, RunSpec.EMPTY.withEngine(WasiEngine.COMPILER));

        assertThat(record.stdout()).isEqualTo("total: 20000\n");
        assertThat(log.messages(Level.INFO)).hasSize(1).allMatch(message -> message.endsWith(MESSAGE));
        assertThat(log.messages(Level.FINE))
                .filteredOn(message -> message.endsWith(MESSAGE))
                .hasSize(1);
    }

    @Test
    void aFunctionTheSizeScreenMissesIsFoundByTheCompilerAndInterpreted() {
        byte[] huge = TestGuests.resource("huge-function.wasm");

        CompiledCodeCache.Entry translation =
                Translator.translate(ModuleParser.parse(huge, "test", true), ModuleLayout.of(huge), Integer.MAX_VALUE);

        assertThat(translation.interpreted()).containsExactly(7);
        assertThat(CompiledCode.load(translation.jar(), List.of(7), "sha256:test")
                        .interpreted())
                .containsExactly(7);
    }

    @Test
    void fullyCompiledModuleLogsNothing() {
        LoadedModule guest = TestGuests.prepare(TestGuests.resource("seed.wasm"));

        TestGuests.run(guest, RunSpec.EMPTY.withEngine(WasiEngine.COMPILER));

        assertThat(log.messages(Level.INFO)).isEmpty();
    }
}
