package dev.wasmguest.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.util.Sha256;
import dev.wasmguest.testsupport.LogCapture;
import dev.wasmguest.testsupport.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The disk cache's contract, against a real HTTP server on loopback: hits, pins, freshness, corruption, sharing. */
class ModuleResolverTest {

    @TempDir
    Path cacheDir;

    @RegisterExtension
    final LogCapture log = LogCapture.of(ModuleResolver.class, ModuleCache.class, HttpFetcher.class);

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-03T10:00:00Z"));
    private byte[] seed;
    private String seedSha256;

    @BeforeEach
    void setUp() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        try (InputStream in = getClass().getResourceAsStream("/guests/seed.wasm")) {
            seed = in.readAllBytes();
        }
        seedSha256 = Sha256.hex(seed);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private ModuleResolver resolver(String... keysAndValues) {
        Properties properties = new Properties();
        properties.setProperty(WasmGuestSetting.CACHE_DIR.key(), cacheDir.toString());
        properties.setProperty(WasmGuestSetting.HTTP_RETRY_BACKOFF.key(), "PT0.01S");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ModuleResolver(ResolutionSettings.from(Settings.of(properties, new Properties(), Map.of())), clock);
    }

    private ModuleSource url(String path) {
        return ModuleSource.ofUrl(server.url(path).toString());
    }

    private MockResponse seedResponse(String etag) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("ETag", etag)
                .body(new Buffer().write(seed))
                .build();
    }

    @Test
    void downloadsOnceThenServesFromDisk() {
        server.enqueue(seedResponse("\"v1\""));

        ResolvedModule first = resolver().resolve(url("/seed.wasm"), Optional.empty());
        ResolvedModule second = resolver().resolve(url("/seed.wasm"), Optional.empty());

        assertThat(first.bytes()).isEqualTo(seed);
        assertThat(second.bytes()).isEqualTo(seed);
        assertThat(first.sha256()).isEqualTo(seedSha256);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(cacheDir.resolve("modules/" + seedSha256 + ".wasm")).hasBinaryContent(seed);
    }

    @Test
    void pinnedModuleInTheCacheNeedsNoNetwork() {
        server.enqueue(seedResponse("\"v1\""));
        resolver().resolve(url("/a/seed.wasm"), Optional.empty());
        server.close();
        clock.advance(Duration.ofDays(365));

        ResolvedModule pinned = resolver().resolve(url("/other/path.wasm"), Optional.of(seedSha256));

        assertThat(pinned.bytes()).isEqualTo(seed);
    }

    @Test
    void hashMismatchNamesBothHashesAndCachesNothing() {
        server.enqueue(seedResponse("\"v1\""));
        String expected = "0".repeat(64);

        assertThatThrownBy(() -> resolver().resolve(url("/seed.wasm"), Optional.of(expected)))
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageContaining("/seed.wasm: hash mismatch: expected sha256 " + expected + " got " + seedSha256);
        assertThat(cacheDir.resolve("modules")).doesNotExist();
        assertThat(cacheDir.resolve("urls")).doesNotExist();
    }

    @Test
    void corruptedCacheFileIsDetectedAndFetchedAgain() throws IOException {
        server.enqueue(seedResponse("\"v1\""));
        server.enqueue(seedResponse("\"v1\""));
        resolver().resolve(url("/seed.wasm"), Optional.empty());
        Path cached = cacheDir.resolve("modules/" + seedSha256 + ".wasm");
        byte[] corrupted = seed.clone();
        corrupted[corrupted.length / 2] ^= 0x55;
        Files.write(cached, corrupted);

        ResolvedModule again = resolver().resolve(url("/seed.wasm"), Optional.empty());

        assertThat(again.bytes()).isEqualTo(seed);
        assertThat(cached).hasBinaryContent(seed);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(log.messages(Level.WARNING))
                .containsExactly("Cached module " + cached + " does not hash to its name any more; deleting it");
    }

    @Test
    void staleCopyIsRevalidatedAndKeptOn304() throws InterruptedException {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("ETag", "\"v1\"")
                .setHeader("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT")
                .body(new Buffer().write(seed))
                .build());
        server.enqueue(new MockResponse.Builder().code(304).build());
        resolver("wasmguest.cache.maxAge", "PT1H").resolve(url("/seed.wasm"), Optional.empty());
        server.takeRequest();
        clock.advance(Duration.ofMinutes(61));

        ResolvedModule revalidated =
                resolver("wasmguest.cache.maxAge", "PT1H").resolve(url("/seed.wasm"), Optional.empty());

        RecordedRequest conditional = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(conditional.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.getHeaders().get("If-Modified-Since")).isEqualTo("Tue, 03 Nov 2026 10:00:00 GMT");
        assertThat(revalidated.bytes()).isEqualTo(seed);

        // The 304 renewed the entry: within maxAge again, no request at all.
        clock.advance(Duration.ofMinutes(59));
        resolver("wasmguest.cache.maxAge", "PT1H").resolve(url("/seed.wasm"), Optional.empty());
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void staleCopyIsReplacedWhenTheServerHasNewContent() throws IOException {
        server.enqueue(seedResponse("\"v1\""));
        byte[] echo;
        try (InputStream in = getClass().getResourceAsStream("/guests/echo.wasm")) {
            echo = in.readAllBytes();
        }
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("ETag", "\"v2\"")
                .body(new Buffer().write(echo))
                .build());
        resolver().resolve(url("/tool.wasm"), Optional.empty());
        clock.advance(Duration.ofDays(2));

        assertThat(resolver().resolve(url("/tool.wasm"), Optional.empty()).bytes())
                .isEqualTo(echo);
    }

    @Test
    void staleCopyIsUsedWhenTheServerIsDown() {
        server.enqueue(seedResponse("\"v1\""));
        ModuleSource source = url("/seed.wasm");
        resolver().resolve(source, Optional.empty());
        server.close();
        clock.advance(Duration.ofDays(2));

        ResolvedModule stale = resolver("wasmguest.http.retries", "1").resolve(source, Optional.empty());

        assertThat(stale.bytes()).isEqualTo(seed);
        assertThat(log.messages(Level.WARNING))
                .satisfiesExactly(
                        retry -> assertThat(retry)
                                .startsWith("Guest module " + server.url("/seed.wasm") + ": the server is unreachable")
                                .endsWith("retrying in 10 ms (attempt 2 of 2)"),
                        fallback -> assertThat(fallback)
                                .startsWith("Guest module " + server.url("/seed.wasm")
                                        + ": using the stale cached copy (sha256 " + seedSha256
                                        + ") because the server could not be"
                                        + " reached"));
    }

    @Test
    void offlineUsesEvenAStaleCopyAndNeverTheNetwork() {
        server.enqueue(seedResponse("\"v1\""));
        ModuleSource source = url("/seed.wasm");
        resolver().resolve(source, Optional.empty());
        clock.advance(Duration.ofDays(30));

        assertThat(resolver("wasmguest.offline", "true")
                        .resolve(source, Optional.empty())
                        .bytes())
                .isEqualTo(seed);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void offlineMissSaysHowToFillTheCache() {
        assertThatThrownBy(() -> resolver("wasmguest.offline", "true").resolve(url("/seed.wasm"), Optional.empty()))
                .isInstanceOf(OfflineMissException.class)
                .hasMessageContaining("/seed.wasm: not in the offline cache (wasmguest.offline=true); run once without"
                        + " wasmguest.offline to download it into " + cacheDir);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sixteenThreadsWithTheirOwnResolversMakeOneRequest() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .bodyDelay(300, TimeUnit.MILLISECONDS)
                .body(new Buffer().write(seed))
                .build());
        ModuleSource source = url("/seed.wasm");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<ResolvedModule>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() -> resolver().resolve(source, Optional.empty()));
            }
            for (Future<ResolvedModule> result : pool.invokeAll(tasks)) {
                assertThat(result.get().sha256()).isEqualTo(seedSha256);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        try (var files = Files.walk(cacheDir)) {
            assertThat(files.filter(file -> file.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void malformedSettingIsNamed() {
        assertThatThrownBy(() -> resolver("wasmguest.cache.maxAge", "1 day"))
                .hasMessage("wasmguest.cache.maxAge=\"1 day\" (system property) is invalid: expected an ISO-8601"
                        + " duration such as PT30S or P1D");
        assertThatThrownBy(() -> resolver("wasmguest.offline.missing", "ignore"))
                .hasMessageContaining("expected fail or skip");
        assertThatThrownBy(() -> resolver("wasmguest.url.rewrite", "https://a/"))
                .hasMessageContaining("FROM_PREFIX=>TO_PREFIX");
    }
}
