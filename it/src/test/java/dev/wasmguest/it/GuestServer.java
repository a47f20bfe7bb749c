package dev.wasmguest.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A real HTTP server (OkHttp's MockWebServer on loopback) that serves the committed test guests: a request for
 * any path ending in {@code /NAME.wasm} gets {@code guests/wasm/NAME.wasm}. It counts requests per path, so tests
 * can prove that a module came from the cache.
 */
public final class GuestServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Path guests;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public GuestServer(Path guests) {
        this.guests = guests;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
                return serve(path);
            }
        });
    }

    public GuestServer start() {
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The base URL, without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** How many requests asked for this path so far. */
    public int requestCount(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private MockResponse serve(String path) {
        Path file = guests.resolve(path.substring(path.lastIndexOf('/') + 1));
        if (!path.endsWith(".wasm") || !Files.isRegularFile(file)) {
            return new MockResponse.Builder()
                    .code(404)
                    .body("no guest at " + path)
                    .build();
        }
        try {
            return new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/wasm")
                    .body(new Buffer().write(Files.readAllBytes(file)))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
