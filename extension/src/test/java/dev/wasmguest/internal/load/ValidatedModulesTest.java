package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module is validated on first sight only: once valid, later JVMs parse it without validating it again. */
class ValidatedModulesTest {

    /**
     * Well-formed but invalid: {@code _start} is declared to return an i32 and its body returns nothing, which only
     * validation notices.
     */
    private static final byte[] INVALID = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type 0: () -> i32
        0x03, 0x02, 0x01, 0x00, // function 0 has type 0
        0x07, 0x0a, 0x01, 0x06, '_', 's', 't', 'a', 'r', 't', 0x00, 0x00, // export "_start" = function 0
        0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b, // its body: no locals, end
    };

    @TempDir
    Path cacheDir;

    @Test
    void validatesOnFirstSightAndRemembersOnlyValidModules() throws IOException {
        byte[] seed = resource("seed.wasm");
        EngineCaches caches = new EngineCaches(Optional.empty(), ValidatedModules.in(cacheDir));

        assertThatThrownBy(() -> compile(INVALID, caches))
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageContaining("malformed module: ");
        assertThat(caches.validated().contains(Sha256.hex(INVALID))).isFalse();

        compile(seed, caches);
        assertThat(caches.validated().contains(Sha256.hex(seed))).isTrue();
        assertThat(cacheDir.resolve("validated/" + RuntimeVersion.cacheSegment())
                        .resolve(Sha256.hex(seed)))
                .exists();
    }

    @Test
    void knownModuleIsNotValidatedAgain() {
        EngineCaches caches = new EngineCaches(Optional.empty(), ValidatedModules.in(cacheDir));
        caches.validated().add(Sha256.hex(INVALID)); // as if an earlier JVM had validated these very bytes

        assertThat(compile(INVALID, caches).fileName()).isEqualTo("module.wasm");
    }

    @Test
    void withoutCachesEveryModuleIsValidated() throws IOException {
        assertThatThrownBy(() -> compile(INVALID, EngineCaches.none())).hasMessageContaining("malformed module: ");
        try (var files = Files.list(cacheDir)) {
            assertThat(files).isEmpty();
        }
    }

    private static LoadedModule compile(byte[] bytes, EngineCaches caches) {
        return TestGuests.prepare(bytes, caches);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ValidatedModulesTest.class.getResourceAsStream("/guests/" + name)) {
            return in.readAllBytes();
        }
    }
}
