package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.junit.WasmGuest;
import dev.wasmguest.testsupport.LogCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * What a user sees when a module cannot be had: each failure kind, through a real test class run by the JUnit
 * Platform against a real HTTP server that misbehaves on purpose. Timeouts are configured short, so no test
 * waits longer than it must.
 */
class ResolutionFailuresTest {

    @TempDir
    Path cache;

    /** Retries are announced as warnings: the tests that provoke them check them, so they stay off the console. */
    @RegisterExtension
    final LogCapture log = LogCapture.named("dev.wasmguest");

    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> configuration = new HashMap<>();
    private byte[] seed;

    @BeforeEach
    void setUp() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        seed = Files.readAllBytes(GuestServerSession.guestsDirectory().resolve("seed.wasm"));
        configuration.put("server", base());
        configuration.put("wasmguest.cache.dir", cache.toString());
        configuration.put("wasmguest.http.retryBackoff", "PT0.01S");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** The user's test: the seed guest from {@code ${server}}, expected to run. */
    @WasmGuest(url = "${server}/seed.wasm")
    static class SeedFromServer {
        @Test
        void runs(WasiResult result) {
            assertThat(result).succeeded();
        }
    }

    /** The same, pinned to a hash that no served module has. */
    @WasmGuest(url = "${server}/seed.wasm", sha256 = "0000000000000000000000000000000000000000000000000000000000000000")
    static class PinnedToAnotherHash {
        @Test
        void runs(WasiResult result) {
            assertThat(result).succeeded();
        }
    }

    /** A guest named by its public release URL, which CI must fetch through a mirror. */
    @WasmGuest(url = "https://github.com/acme/tool/releases/download/v1/seed.wasm")
    static class SeedFromGitHub {
        @Test
        void runs(WasiResult result) {
            assertThat(result).succeeded();
        }
    }

    /** A guest on a host whose name does not resolve (.invalid is reserved for that). */
    @WasmGuest(url = "https://guests.example.invalid/seed.wasm")
    static class SeedFromUnknownHost {
        @Test
        void runs(WasiResult result) {
            assertThat(result).succeeded();
        }
    }

    private Events runUserTest(Class<?> testClass) {
        return UserTests.run(testClass, configuration);
    }

    private String failureOf(Class<?> testClass) {
        return UserTests.failureMessage(runUserTest(testClass));
    }

    private void enqueueSeed() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(new Buffer().write(seed))
                .build());
    }

    @Test
    void anHtmlErrorPageIsNamedByItsTitleNotQuotedAsMarkup() {
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .setHeader("Content-Type", "text/html")
                .body("<!DOCTYPE HTML>\n<html lang=\"en\"><head><title>404 &ndash; Release not found</title></head>"
                        + "<body><h1>Not found</h1></body></html>")
                .build());

        assertThat(failureOf(SeedFromServer.class))
                .contains(
                        "/seed.wasm: HTTP 404 (the body is an HTML page titled \"404 &ndash; Release not found\"); check"
                                + " the URL")
                .doesNotContain("<html");
    }

    @Test
    void notFoundIsReportedWithTheBodyAndNotRetried() {
        server.enqueue(
                new MockResponse.Builder().code(404).body("no such release").build());

        assertThat(failureOf(SeedFromServer.class))
                .contains("Cannot load guest module " + base()
                        + "/seed.wasm: HTTP 404 (body starts with: \"no such release\"); check the URL");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorIsRetried() {
        server.enqueue(new MockResponse.Builder().code(500).body("overloaded").build());
        enqueueSeed();

        runUserTest(SeedFromServer.class).assertStatistics(stats -> stats.succeeded(1));
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(log.messages(Level.WARNING))
                .containsExactly("Guest module " + base() + "/seed.wasm: HTTP 500"
                        + " (body starts with: \"overloaded\"); the server failed, try again later; retrying in 10 ms"
                        + " (attempt 2 of 4)");
    }

    @Test
    void persistentServerErrorGivesUpAfterTheConfiguredAttempts() {
        configuration.put("wasmguest.http.retries", "2");
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(503)
                    .body("down for maintenance")
                    .build());
        }

        assertThat(failureOf(SeedFromServer.class))
                .contains("/seed.wasm: HTTP 503 (body starts with: \"down for"
                        + " maintenance\"); the server failed, try again later (3 attempts)");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(log.messages(Level.WARNING))
                .hasSize(2)
                .allMatch(warning -> warning.contains("HTTP 503 (body starts with: \"down for maintenance\")"))
                .anyMatch(warning -> warning.endsWith("retrying in 10 ms (attempt 2 of 3)"))
                .anyMatch(warning -> warning.endsWith("retrying in 20 ms (attempt 3 of 3)"));
    }

    @Test
    void unreachableServerIsNamed() {
        configuration.put("wasmguest.http.retries", "1");
        String url = base();
        server.close();

        assertThat(failureOf(SeedFromServer.class))
                .contains(
                        "Cannot load guest module " + url + "/seed.wasm: the"
                                + " server is unreachable (connection refused); check the URL and that the server is up (2 attempts)");
        assertThat(log.messages(Level.WARNING))
                .singleElement()
                .asString()
                .contains("the server is unreachable")
                .endsWith("retrying in 10 ms (attempt 2 of 2)");
    }

    @Test
    void anUnknownHostIsNamedAndNotRetried() {
        assertThat(failureOf(SeedFromUnknownHost.class))
                .contains("Cannot load guest module https://guests.example.invalid/seed.wasm: the host"
                        + " guests.example.invalid is unknown (its name does not resolve); check the URL's host name,"
                        + " and your DNS or proxy settings")
                .doesNotContain("connection refused")
                .doesNotContain("attempts");
        assertThat(log.messages(Level.WARNING)).isEmpty();
    }

    @Test
    void htmlPageWithStatus200IsNotAModule() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html>\n<html><body>Sign in to continue</body></html>")
                .build());

        assertThat(failureOf(SeedFromServer.class))
                .contains("/seed.wasm: received an HTML page, not a wasm module; check that the source points at a");
        assertThat(cache.resolve("modules")).doesNotExist();
    }

    @Test
    void bodyCutOffMidStream() {
        configuration.put("wasmguest.http.retries", "1");
        configuration.put("wasmguest.http.stallTimeout", "PT5S"); // a broken connection must not wait for it
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .body(new Buffer().write(seed))
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                    .build());
        }

        assertThat(failureOf(SeedFromServer.class))
                .containsPattern("/seed.wasm: body ended after \\d+ of " + seed.length
                        + " bytes .*the connection broke \\(2 attempts\\)");
        assertThat(cache.resolve("modules")).doesNotExist();
        assertThat(log.messages(Level.WARNING))
                .singleElement()
                .asString()
                .contains("the connection broke")
                .endsWith("retrying in 10 ms (attempt 2 of 2)");
    }

    @Test
    void stalledBodyTimesOut() {
        configuration.put("wasmguest.http.stallTimeout", "PT0.2S");
        configuration.put("wasmguest.http.retries", "0");
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(new StallingBody(seed))
                .build());

        long start = System.nanoTime();
        String message = failureOf(SeedFromServer.class);

        assertThat(message)
                .contains("/seed.wasm: no data for 200 ms after " + seed.length / 2 + " of " + seed.length
                        + " bytes; the server stalled");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    }

    /** With the default limits: about 31 s (two attempts of 15 s), well within a minute, whatever the retries. */
    @Test
    void aServerThatAcceptsAndNeverAnswersIsGivenUpOnWithinAMinuteByDefault() throws IOException {
        configuration.remove("wasmguest.http.retryBackoff");
        try (SilentServer silent = new SilentServer()) {
            configuration.put("server", silent.base());

            long start = System.nanoTime();
            String message = failureOf(SeedFromServer.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
            assertThat(message)
                    .contains("/seed.wasm: the server sent no response within 15 s")
                    .containsPattern("\\(2 attempts in 3\\d s; no retry starts later than"
                            + " wasmguest.http.retryWindow=PT20S after the first\\)");
            assertThat(silent.connections()).isEqualTo(2);
        }
    }

    @Test
    void redirectLoopIsNamed() {
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "/b.wasm")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "/seed.wasm")
                .build());

        assertThat(failureOf(SeedFromServer.class))
                .contains("/seed.wasm: redirect loop: " + base() + "/seed.wasm -> " + base() + "/b.wasm -> " + base()
                        + "/seed.wasm; fix the server or the URL");
    }

    @Test
    void redirectsAreFollowedUpToTheCap() {
        server.enqueue(new MockResponse.Builder()
                .code(301)
                .setHeader("Location", "/releases/seed.wasm")
                .build());
        enqueueSeed();
        runUserTest(SeedFromServer.class).assertStatistics(stats -> stats.succeeded(1));

        configuration.put("wasmguest.cache.dir", cache.resolve("other").toString());
        configuration.put("wasmguest.http.maxRedirects", "1");
        server.enqueue(new MockResponse.Builder()
                .code(301)
                .setHeader("Location", "/1.wasm")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(301)
                .setHeader("Location", "/2.wasm")
                .build());
        assertThat(failureOf(SeedFromServer.class)).contains("more than 1 redirects: ");
    }

    @Test
    void hashMismatchCachesNothing() {
        enqueueSeed();

        assertThat(failureOf(PinnedToAnotherHash.class))
                .contains("/seed.wasm: hash mismatch: expected sha256 " + "0".repeat(64) + " got ");
        assertThat(cache.resolve("modules")).doesNotExist();
    }

    @Test
    void oversizeModuleIsRefusedWhileStreaming() {
        configuration.put("wasmguest.download.maxBytes", "1000");
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(new Buffer().write(seed))
                .build());

        assertThat(failureOf(SeedFromServer.class))
                .contains("/seed.wasm: the module is larger than the limit of 1000" + " bytes (at least " + seed.length
                        + " bytes); raise wasmguest.download.maxBytes if this is expected");
    }

    @Test
    void malformedModuleFailsBeforeAnyRun() {
        byte[] truncated = Arrays.copyOf(seed, 2000);
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(new Buffer().write(truncated))
                .build());

        assertThat(failureOf(SeedFromServer.class))
                .contains("Cannot load guest module " + base() + "/seed.wasm: malformed module: ");
    }

    @Test
    void moduleWithoutStartFailsBeforeAnyRun() throws IOException {
        byte[] library = Files.readAllBytes(GuestServerSession.guestsDirectory().resolve("no-start.wasm"));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(new Buffer().write(library))
                .build());

        assertThat(failureOf(SeedFromServer.class))
                .contains("/seed.wasm: the module exports no _start function, so it" + " is not a WASI command");
    }

    @Test
    void offlineHitNeedsNoServer() {
        enqueueSeed();
        runUserTest(SeedFromServer.class).assertStatistics(stats -> stats.succeeded(1));
        configuration.put("wasmguest.offline", "true");

        runUserTest(SeedFromServer.class).assertStatistics(stats -> stats.succeeded(1));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void offlineMissFailsSayingHowToFillTheCache() {
        configuration.put("wasmguest.offline", "true");

        assertThat(failureOf(SeedFromServer.class))
                .contains("Cannot load guest module " + base() + "/seed.wasm: not in"
                        + " the offline cache (wasmguest.offline=true); run once without wasmguest.offline to download it"
                        + " into " + cache);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void offlineMissCanSkipInstead() {
        configuration.put("wasmguest.offline", "true");
        configuration.put("wasmguest.offline.missing", "skip");

        assertThat(UserTests.skipReason(runUserTest(SeedFromServer.class)))
                .contains(base() + "/seed.wasm: not in the offline cache");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void mirrorRewriteRedirectsDownloadsWithoutTouchingTests() throws InterruptedException {
        configuration.put("wasmguest.url.rewrite", "https://github.com/=>" + base() + "/mirror/github/");
        enqueueSeed();

        runUserTest(SeedFromGitHub.class).assertStatistics(stats -> stats.succeeded(1));
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/mirror/github/acme/tool/releases/download/v1/seed.wasm");
    }

    @Test
    void mirrorFailuresNameTheMirror() {
        configuration.put("wasmguest.url.rewrite", "https://github.com/=>" + base() + "/mirror/");
        server.enqueue(new MockResponse.Builder().code(404).build());

        assertThat(failureOf(SeedFromGitHub.class))
                .contains("Cannot load guest module"
                        + " https://github.com/acme/tool/releases/download/v1/seed.wasm: HTTP 404; check the URL (downloading"
                        + " from " + base() + "/mirror/acme/tool/releases/download/v1/seed.wasm)");
    }

    /** A body that declares its full length, sends half, then stalls for longer than the test's stall timeout. */
    private static final class StallingBody implements MockResponseBody {
        private final byte[] bytes;

        StallingBody(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getContentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes, 0, bytes.length / 2);
            sink.flush();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("the test server gives up on this response");
        }
    }
}
