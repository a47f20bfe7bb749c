package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A module downloaded once is served from the disk cache afterwards: a second resolution (a new runner, as in a
 * second JVM) makes no request at all. The cache directory is this build's ({@code wasmguest.cache.dir}).
 */
class DiskCacheTest {

    private static GuestServer server;

    @BeforeAll
    static void startServer() {
        server = new GuestServer(GuestServerSession.guestsDirectory()).start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void secondResolutionIsServedFromDiskWithoutRequests() {
        String path = "/" + UUID.randomUUID() + "/seed.wasm"; // a URL no earlier run has cached
        String url = server.baseUrl() + path;

        assertThat(WasiRunner.fromUrl(url).run("first")).succeeded();
        assertThat(server.requestCount(path)).isEqualTo(1);

        assertThat(WasiRunner.fromUrl(url).run("second")).succeeded().stdout().contains("[second]");
        assertThat(server.requestCount(path))
                .as("requests after the cached resolution")
                .isEqualTo(1);
    }

    @Test
    void theCacheHoldsTheModuleByContentAndTheUrlInItsIndex() throws Exception {
        String path = "/" + UUID.randomUUID() + "/echo.wasm";
        WasiRunner.fromUrl(server.baseUrl() + path).run();

        Path cache = Path.of(System.getProperty("wasmguest.cache.dir"));
        byte[] echo = Files.readAllBytes(GuestServerSession.guestsDirectory().resolve("echo.wasm"));
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(echo));
        assertThat(cache.resolve("modules").resolve(sha256 + ".wasm")).hasBinaryContent(echo);
        try (var index = Files.list(cache.resolve("urls"))) {
            assertThat(index.map(DiskCacheTest::read)
                            .anyMatch(entry -> entry.contains(path) && entry.contains("sha256=" + sha256)))
                    .isTrue();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
