package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiInstance;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.WitCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A component that a real toolchain made without the preview 1 adapter: {@code guests/componentize-js}, JavaScript
 * made into a 12 MB component by componentize-js (SpiderMonkey inside, WASI 0.2 imports, its world's types imported
 * as types). Not committed: {@code .ci/componentize-js.sh} builds it with a pinned componentize-js and runs this with
 * {@code -Dwasmguest.it.componentizeJs=...}; without that property there is nothing to run. Interpreted, so that no
 * translation of its 12 MB runs beside the rest of the build.
 */
class ComponentizeJsTest {

    @Test
    void callsAJavaScriptComponentWithJavaValues() {
        String file = System.getProperty("wasmguest.it.componentizeJs", "");
        assumeTrue(!file.isEmpty() && Files.isRegularFile(Path.of(file)), "-Dwasmguest.it.componentizeJs names it");

        WasiRunner greeter = WasiRunner.fromFile(Path.of(file)).withEngine(WasiEngine.INTERPRETER);
        try (WasiInstance js = greeter.instantiate()) {
            assertThat(js.initialization()).succeeded();
            assertThat(js.call("greet", "World")).returnedValue("Hello, World!").hasStdout("greeting World\n");
            assertThat(js.call("add", Map.of("x", 1, "y", 2), Map.of("x", 10, "y", -20)))
                    .returnedValue(Map.of("x", 11, "y", -18));
            assertThat(js.call("parse", "42")).returnedValue(WitCase.ok(42));
            assertThat(js.call("parse", "forty-two")).returnedValue(WitCase.error("not a number: forty-two"));
            assertThat(js.call("words", "to be  or"))
                    .returnedValue(List.of(List.of("to", 2L), List.of("be", 2L), List.of("or", 2L)));
            assertThat(js.call("mood-of", "hi!")).returnedValue(Optional.of("cheerful"));
            assertThat(js.call("mood-of", "")).returnedValue(Optional.empty());
        }
    }
}
