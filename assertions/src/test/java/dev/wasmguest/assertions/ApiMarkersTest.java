package dev.wasmguest.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.testsupport.ApiMarkers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every public type says how stable it is: internal ones that they are internal, API ones that they are not. */
class ApiMarkersTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void everyPublicTypeHasTheRightStatus() {
        assertThat(ApiMarkers.statuses(CLASSES))
                .containsEntry("dev.wasmguest.assertions.WasiResultAssert", "STABLE")
                .containsEntry("dev.wasmguest.internal.assertions.RunContext", "INTERNAL");
        assertThat(ApiMarkers.problems(CLASSES)).isEmpty();
    }
}
