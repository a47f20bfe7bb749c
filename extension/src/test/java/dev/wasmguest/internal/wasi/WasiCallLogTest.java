package dev.wasmguest.internal.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.internal.load.Engine;
import dev.wasmguest.internal.load.TestGuests;
import dev.wasmguest.internal.run.RunRecord;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.testsupport.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WASI call Chicory refuses is the guest's business: logged for whoever asks, never as an error on the console. */
class WasiCallLogTest {

    @RegisterExtension
    final LogCapture log = LogCapture.named("dev.wasmguest.wasi");

    @Test
    void anUnsupportedCallIsLoggedAtDebugOnly() throws IOException {
        // A conformance case of a known gap: Chicory answers fd_fdstat_set_rights with NOTSUP and logs an ERROR.
        Path guest = Path.of(System.getProperty("guests.dir")).resolveSibling("conformance/fd_set_rights.wasm");

        RunRecord run = TestGuests.run(
                TestGuests.prepare(Files.readAllBytes(guest)), RunSpec.EMPTY.withEngine(Engine.INTERPRETER));

        assertThat(new String(run.stdout(), StandardCharsets.UTF_8)).isEqualTo("set_rights: 58\n");
        assertThat(log.messages(Level.FINE))
                .singleElement()
                .asString()
                .startsWith("fd_fdstat_set_rights operation not supported");
        assertThat(log.messages(Level.SEVERE)).isEmpty();
        assertThat(log.messages(Level.WARNING)).isEmpty();
    }
}
