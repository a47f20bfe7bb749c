package dev.wasmguest.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.source.ModuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution of URLs through the disk cache, against a real HTTP server on loopback. */
class ModuleResolverTest {

    @TempDir
    Path cacheDir;

    private final MockWebServer server = new MockWebServer();
    private byte[] seed;
    private String seedSha256;
    private ModuleResolver resolver;

    @BeforeEach
    void setUp() throws IOException {
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        try (InputStream in = getClass().getResourceAsStream("/guests/seed.wasm")) {
            seed = in.readAllBytes();
        }
        seedSha256 = Sha256.hex(seed);
        resolver = newResolver();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private ModuleResolver newResolver() {
        return new ModuleResolver(new ModuleCache(cacheDir), new HttpFetcher(HttpFetcher.TransferLimits.DEFAULTS),
                Clock.systemUTC());
    }

    private ModuleSource url(String path) {
        return ModuleSource.ofUrl(server.url(path).toString());
    }

    private void serve(byte[] body) {
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(body)).build());
    }

    @Test
    void downloadsOnceThenServesFromDisk() {
        serve(seed);

        ResolvedModule first = resolver.resolve(url("/seed.wasm"), Optional.empty());
        ResolvedModule second = newResolver().resolve(url("/seed.wasm"), Optional.empty());

        assertThat(first.bytes()).isEqualTo(seed);
        assertThat(second.bytes()).isEqualTo(seed);
        assertThat(first.sha256()).isEqualTo(seedSha256);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(cacheDir.resolve("modules/" + seedSha256 + ".wasm")).hasBinaryContent(seed);
    }

    @Test
    void pinnedModuleInTheCacheNeedsNoNetwork() {
        serve(seed);
        resolver.resolve(url("/a/seed.wasm"), Optional.empty());
        server.close();

        ResolvedModule pinned = newResolver().resolve(url("/other/path.wasm"), Optional.of(seedSha256));

        assertThat(pinned.bytes()).isEqualTo(seed);
    }

    @Test
    void hashMismatchNamesBothHashesAndCachesNothing() {
        serve(seed);
        String expected = "0".repeat(64);

        assertThatThrownBy(() -> resolver.resolve(url("/seed.wasm"), Optional.of(expected)))
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageContaining("/seed.wasm: hash mismatch: expected sha256 " + expected + " got " + seedSha256);
        assertThat(cacheDir.resolve("modules")).doesNotExist();
    }

    @Test
    void httpErrorShowsStatusAndBodyStart() {
        server.enqueue(new MockResponse.Builder().code(404).body("Not Found: no such release").build());

        assertThatThrownBy(() -> resolver.resolve(url("/missing.wasm"), Optional.empty()))
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageContaining("/missing.wasm: HTTP 404 (body starts with: \"Not Found: no such release\")")
                .hasMessageContaining("check the URL");
    }

    @Test
    void htmlInsteadOfWasmIsRefusedAndNotCached() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html><body>Please log in</body></html>").build());

        assertThatThrownBy(() -> resolver.resolve(url("/login.wasm"), Optional.empty()))
                .hasMessageContaining("received HTML, not a wasm module");
        assertThat(cacheDir.resolve("modules")).doesNotExist();
    }

    @Test
    void corruptedCacheFileIsDetectedAndFetchedAgain() throws IOException {
        serve(seed);
        serve(seed);
        resolver.resolve(url("/seed.wasm"), Optional.empty());
        Path cached = cacheDir.resolve("modules/" + seedSha256 + ".wasm");
        byte[] corrupted = seed.clone();
        corrupted[corrupted.length / 2] ^= 0x55;
        Files.write(cached, corrupted);

        ResolvedModule again = newResolver().resolve(url("/seed.wasm"), Optional.empty());

        assertThat(again.bytes()).isEqualTo(seed);
        assertThat(cached).hasBinaryContent(seed);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void unreachableServerIsNamed() {
        String url = server.url("/seed.wasm").toString();
        server.close();

        assertThatThrownBy(() -> resolver.resolve(ModuleSource.ofUrl(url), Optional.empty()))
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageStartingWith("Cannot load guest module " + url + ": ")
                .hasMessageContaining("unreachable");
    }
}
