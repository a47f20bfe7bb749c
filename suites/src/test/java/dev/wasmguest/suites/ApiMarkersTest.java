package dev.wasmguest.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.testsupport.ApiMarkers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every public type of the engine says how stable it is: its workings that they are internal. */
class ApiMarkersTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void everyPublicTypeHasTheRightStatus() {
        assertThat(ApiMarkers.statuses(CLASSES))
                .containsEntry("dev.wasmguest.suites.WasiSuitesEngine", "EXPERIMENTAL")
                .containsEntry("dev.wasmguest.suites.internal.SuitesContext", "INTERNAL");
        assertThat(ApiMarkers.problems(CLASSES)).isEmpty();
    }
}
