package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasmguest.UnknownImports;
import dev.wasmguest.WasiInstance;
import dev.wasmguest.WasiRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's ruby.wasm example: a Ruby interpreter built with wit-bindgen's first ABI, driven by typed calls. The
 * package is 90 MB and is not committed: {@code benchmarks/ruby.sh} fetches it with {@code npm pack} and runs this
 * with {@code -Dwasmguest.it.ruby=.../ruby+stdlib.wasm}; without that property there is nothing to run.
 */
class RubyTest {

    @Test
    void evaluatesRuby() {
        String file = System.getProperty("wasmguest.it.ruby", "");
        assumeTrue(!file.isEmpty() && Files.isRegularFile(Path.of(file)), "-Dwasmguest.it.ruby names ruby+stdlib.wasm");

        WasiRunner ruby = WasiRunner.fromFile(Path.of(file))
                .withUnknownImports(UnknownImports.TRAP)
                .withTimeout(Duration.ofMinutes(10)); // Ruby's start takes 20 to 40 s, more on a busy machine
        try (WasiInstance vm = ruby.instantiate()) {
            // ruby.wasm's own host passes C strings, each ending in a NUL
            assertThat(vm.call("ruby-init", List.of("ruby.wasm\0", "-EUTF-8\0", "-e_=0\0")))
                    .succeeded();

            assertThat(vm.call("rb-eval-string-protect", "puts 1+2; $stdout.flush\0"))
                    .succeeded()
                    .hasStdout("3\n");

            List<?> value = (List<?>) vm.call("rb-eval-string-protect", "(1+2).to_s\0")
                    .returnedValue()
                    .orElseThrow();
            assertThat(value.get(1)).as("no exception").isEqualTo(0);
            assertThat(vm.call("rstring-ptr", value.get(0))).returnedValue("3");
        }
    }
}
