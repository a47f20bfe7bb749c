package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.internal.resolve.ModuleLoadException;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.source.BytesSource;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Modules are checked before any run: malformed bytes and non-commands fail naming the module. */
class GuestPreparationTest {

    @Test
    void preparesACommand() throws IOException {
        byte[] seed = resource("seed.wasm");
        PreparedGuest guest =
                GuestPreparation.prepare(new BytesSource(seed), new ResolvedModule(seed, Sha256.hex(seed)));
        assertThat(guest.fileName()).isEqualTo("module.wasm");
    }

    @Test
    void truncatedModuleIsMalformed() throws IOException {
        byte[] truncated = Arrays.copyOf(resource("seed.wasm"), 1000);
        BytesSource source = new BytesSource(truncated);

        assertThatThrownBy(() -> GuestPreparation.prepare(source, new ResolvedModule(truncated, Sha256.hex(truncated))))
                .isInstanceOf(ModuleLoadException.class)
                .hasMessageStartingWith("Cannot load guest module " + source.describe() + ": malformed module: ")
                .hasMessageContaining("rebuild it");
    }

    @Test
    void moduleWithoutStartIsNotACommand() throws IOException {
        byte[] library = resource("no-start.wasm");
        BytesSource source = new BytesSource(library);

        assertThatThrownBy(() -> GuestPreparation.prepare(source, new ResolvedModule(library, Sha256.hex(library))))
                .isInstanceOf(ModuleLoadException.class)
                .hasMessageContaining("the module exports no _start function, so it is not a WASI command");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GuestPreparationTest.class.getResourceAsStream("/guests/" + name)) {
            return in.readAllBytes();
        }
    }
}
