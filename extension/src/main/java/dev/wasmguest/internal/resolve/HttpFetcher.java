package dev.wasmguest.internal.resolve;

import dev.wasmguest.GuestResolutionException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Downloads modules with the JDK's {@link HttpClient}: redirects followed, every wait bounded. Thread-safe. */
public final class HttpFetcher {

    private final HttpClient client;
    private final TransferLimits limits;

    public HttpFetcher(TransferLimits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A completed download. */
    public record Download(byte[] bytes, String etag, String lastModified) {
    }

    /**
     * Downloads {@code uri} completely.
     *
     * @throws GuestResolutionException for an unreachable server, a timeout, an HTTP error status, a body cut
     *         short or one larger than the size limit
     */
    public Download fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(limits.requestTimeout())
                .header("Accept", "application/wasm, */*;q=0.5")
                .header("User-Agent", "wasmguest")
                .GET()
                .build();
        HttpResponse<InputStream> response = send(uri, request);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                throw new GuestResolutionException(uri.toString(), describeStatus(status, body));
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            byte[] bytes = readBody(uri, body, declared);
            return new Download(bytes, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        } catch (IOException e) {
            throw new GuestResolutionException(uri.toString(), "download failed: " + e, e);
        }
    }

    private HttpResponse<InputStream> send(URI uri, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new GuestResolutionException(uri.toString(), "could not connect within "
                    + limits.connectTimeout().toMillis() + " ms; check the URL and your network or proxy", e);
        } catch (HttpTimeoutException e) {
            throw new GuestResolutionException(uri.toString(), "the server sent no response within "
                    + limits.requestTimeout().toMillis() + " ms; try again or raise the request timeout", e);
        } catch (ConnectException e) {
            throw new GuestResolutionException(uri.toString(),
                    "the server is unreachable (connection refused); check the URL and that the server is up", e);
        } catch (IOException e) {
            throw new GuestResolutionException(uri.toString(), "download failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestResolutionException(uri.toString(), "interrupted while downloading", e);
        }
    }

    private static String describeStatus(int status, InputStream body) throws IOException {
        byte[] head = body.readNBytes(512);
        String what = status >= 300 && status < 400
                ? "HTTP " + status + " redirect not followed (too many redirects or a missing Location)"
                : "HTTP " + status;
        String advice = status == 404 || status == 410 ? "; check the URL"
                : status == 401 || status == 403 ? "; the server refused access, check credentials or the URL"
                : status >= 500 ? "; the server failed, try again later" : "";
        return what + (head.length > 0 ? " (body starts with: " + WasmBytes.excerpt(head) + ")" : "") + advice;
    }

    private byte[] readBody(URI uri, InputStream body, long declared) throws IOException {
        long max = limits.maxModuleBytes();
        if (declared > max) {
            throw new GuestResolutionException(uri.toString(), tooLarge(declared, max));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                if (bytes.size() + (long) n > max) {
                    throw new GuestResolutionException(uri.toString(), tooLarge(bytes.size() + (long) n, max));
                }
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new GuestResolutionException(uri.toString(), "body ended after " + bytes.size()
                    + (declared >= 0 ? " of " + declared : "") + " bytes (" + e.getMessage()
                    + "); the connection broke, try again", e);
        }
        if (declared >= 0 && bytes.size() != declared) {
            throw new GuestResolutionException(uri.toString(), "body ended after " + bytes.size() + " of "
                    + declared + " bytes; the connection broke, try again");
        }
        return bytes.toByteArray();
    }

    private static String tooLarge(long size, long max) {
        return "the module is larger than the limit of " + max + " bytes (at least " + size
                + " bytes); raise wasmguest.download.maxBytes if this is expected";
    }

    /** Bounds on one transfer. */
    public record TransferLimits(Duration connectTimeout, Duration requestTimeout, long maxModuleBytes) {

        public static final TransferLimits DEFAULTS =
                new TransferLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 512L * 1024 * 1024);
    }
}
