package dev.wasmguest.internal.wasi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.testsupport.LogCapture;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import run.endive.log.Logger;

/** A WASI call Endive refuses is the guest's business: logged for whoever asks, never as an error on the console. */
class WasiCallLogTest {

    @RegisterExtension
    final LogCapture log = LogCapture.named("dev.wasmguest.wasi");

    @Test
    void chicorysErrorsAreLoggedAtDebugOnly() {
        // As Endive 1.0.0 logs a call it does not support (fd_fdstat_set_rights, which wasmguest now answers itself).
        WasiCallLog.INSTANCE.errorf("fd_fdstat_set_rights operation not supported: [%s, %s, %s]", 1, 2L, 3L);

        assertThat(log.messages(Level.FINE))
                .singleElement()
                .asString()
                .isEqualTo("fd_fdstat_set_rights operation not supported: [1, 2, 3]");
        assertThat(log.messages(Level.SEVERE)).isEmpty();
        assertThat(log.messages(Level.WARNING)).isEmpty();
    }

    @Test
    void chicorysTracesAreBelowDebug() {
        assertThat(WasiCallLog.INSTANCE.isLoggable(Logger.Level.TRACE))
                .isEqualTo(System.getLogger("dev.wasmguest.wasi").isLoggable(System.Logger.Level.TRACE));
    }
}
