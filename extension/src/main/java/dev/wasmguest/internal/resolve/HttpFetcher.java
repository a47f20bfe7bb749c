package dev.wasmguest.internal.resolve;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.util.Durations;
import dev.wasmguest.internal.util.Lazy;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * Downloads modules with the JDK's {@link HttpClient}, every wait bounded by {@link TransferLimits}: connect,
 * response headers, each chunk of the body (stall), size, redirects (followed here, to cap and report them),
 * and retries with doubling backoff for failures that another attempt may not meet. Thread-safe.
 */
final class HttpFetcher {

    private static final System.Logger LOG = System.getLogger(HttpFetcher.class.getName());

    private final TransferLimits limits;
    /** Made on first use: resolutions from the class path never start a client. */
    private final Lazy<HttpClient> client;

    HttpFetcher(TransferLimits limits) {
        this.limits = limits;
        this.client = Lazy.of(() -> HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** What the cache knows of a URL's current content, for a conditional request. */
    record Validators(String etag, String lastModified) {}

    /** The outcome of a download: new content, or confirmation that the cached content is current. */
    sealed interface Outcome permits Fetched, NotModified {}

    record Fetched(byte[] bytes, String etag, String lastModified) implements Outcome {}

    record NotModified() implements Outcome {}

    /**
     * Downloads {@code uri}, or with {@code validators} asks whether the cached content is still current.
     *
     * @param name how log lines name the module
     * @throws DownloadFailure with a sentence for the user, after the last attempt
     */
    Outcome fetch(URI uri, Optional<Validators> validators, String name) throws DownloadFailure {
        long start = System.nanoTime();
        DownloadFailure last = null;
        int attempt = 0;
        while (true) {
            try {
                return fetchOnce(uri, validators, name);
            } catch (DownloadFailure failure) {
                if (!failure.isTransient()) {
                    throw failure;
                }
                last = failure;
            }
            attempt++;
            if (attempt > limits.retries()) {
                break;
            }
            long backoff = backoffMillis(attempt);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (elapsed.plusMillis(backoff).compareTo(limits.retryWindow()) > 0) {
                throw new DownloadFailure(
                        last.getMessage() + " (" + attempt + (attempt == 1 ? " attempt" : " attempts") + " in "
                                + Durations.describe(Duration.ofSeconds(Math.round(elapsed.toNanos() / 1e9)))
                                + "; no retry starts later than " + WasmGuestSetting.HTTP_RETRY_WINDOW.key() + "="
                                + limits.retryWindow() + " after the first)",
                        true,
                        last);
            }
            backOff(attempt, backoff, name, last);
        }
        String attempts = limits.retries() == 0 ? "" : " (" + (limits.retries() + 1) + " attempts)";
        throw new DownloadFailure(last.getMessage() + attempts, true, last);
    }

    private long backoffMillis(int attempt) {
        return limits.retryBackoff().toMillis() << Math.min(attempt - 1, 16);
    }

    private void backOff(int attempt, long millis, String name, DownloadFailure failure) throws DownloadFailure {
        LOG.log(
                Level.WARNING,
                () -> "Guest module " + name + ": " + failure.getMessage() + "; retrying in " + millis + " ms (attempt "
                        + (attempt + 1) + " of " + (limits.retries() + 1) + ")");
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DownloadFailure.permanent("interrupted while waiting to retry: " + failure.getMessage());
        }
    }

    private Outcome fetchOnce(URI uri, Optional<Validators> validators, String name) throws DownloadFailure {
        List<URI> chain = new ArrayList<>(List.of(uri));
        URI current = uri;
        while (true) {
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(request(current, validators));
            BodyReader body = new BodyReader();
            response.body().subscribe(body);
            int status = response.statusCode();
            if (isRedirect(status)) {
                body.cancel();
                current = nextHop(current, response, chain);
                continue;
            }
            if (status == 304 && validators.isPresent()) {
                body.cancel();
                return new NotModified();
            }
            if (status < 200 || status > 299) {
                throw statusFailure(status, body);
            }
            long declared =
                    response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limits.maxModuleBytes()) {
                body.cancel();
                throw DownloadFailure.permanent(tooLarge(declared, limits.maxModuleBytes()));
            }
            byte[] bytes = body.readAll(
                    declared,
                    limits.stallTimeout(),
                    limits.maxModuleBytes(),
                    new ProgressLog(name, declared, limits.progressInterval()));
            return new Fetched(
                    bytes,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpRequest request(URI uri, Optional<Validators> validators) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(limits.requestTimeout())
                .header("Accept", "application/wasm, */*;q=0.5")
                .header("User-Agent", "wasmguest")
                .GET();
        validators.ifPresent(known -> {
            if (known.etag() != null) {
                request.header("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                request.header("If-Modified-Since", known.lastModified());
            }
        });
        return request.build();
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(HttpRequest request) throws DownloadFailure {
        try {
            return client.get().send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            throw DownloadFailure.transientFailure(
                    "could not connect within " + Durations.describe(limits.connectTimeout())
                            + "; check the URL and your network or proxy",
                    e);
        } catch (HttpTimeoutException e) {
            throw DownloadFailure.transientFailure(
                    "the server sent no response within " + Durations.describe(limits.requestTimeout()), e);
        } catch (ConnectException e) {
            if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
                // No retry: the name will not resolve a second later; a DNS outage lasts longer than our window.
                throw DownloadFailure.permanent("the host " + request.uri().getHost() + " is unknown (its name does"
                        + " not resolve); check the URL's host name, and your DNS or proxy settings");
            }
            throw DownloadFailure.transientFailure(
                    "the server is unreachable (connection refused); check the URL and that the server is up", e);
        } catch (IOException e) {
            throw DownloadFailure.transientFailure("the connection failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DownloadFailure.permanent("interrupted while downloading");
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private URI nextHop(URI current, HttpResponse<?> response, List<URI> chain) throws DownloadFailure {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> DownloadFailure.permanent(
                        "HTTP " + response.statusCode() + " redirect without a Location header"));
        URI next = current.resolve(location);
        if (chain.contains(next)) {
            chain.add(next);
            throw DownloadFailure.permanent("redirect loop: " + describe(chain) + "; fix the server or the URL");
        }
        chain.add(next);
        if (chain.size() - 1 > limits.maxRedirects()) {
            throw DownloadFailure.permanent("more than " + limits.maxRedirects() + " redirects: " + describe(chain)
                    + "; use the final URL or raise " + WasmGuestSetting.HTTP_MAX_REDIRECTS.key());
        }
        return next;
    }

    private static String describe(List<URI> chain) {
        return String.join(" -> ", chain.stream().map(URI::toString).toList());
    }

    private DownloadFailure statusFailure(int status, BodyReader body) {
        byte[] head = body.readHead(4096, limits.stallTimeout()); // enough to reach the <title> of most error pages
        String excerpt = head.length == 0
                ? ""
                : WasmBytes.looksLikeHtml(head)
                        ? " (the body is " + WasmBytes.describeHtml(head) + ")" // its markup tells a reader nothing
                        : " (body starts with: " + WasmBytes.excerpt(head) + ")";
        String advice = status == 404 || status == 410
                ? "; check the URL"
                : status == 401 || status == 403
                        ? "; the server refused access, check credentials or the URL"
                        : status >= 500 ? "; the server failed, try again later" : "";
        String message = "HTTP " + status + excerpt + advice;
        return status >= 500 ? DownloadFailure.transientFailure(message, null) : DownloadFailure.permanent(message);
    }

    static String tooLarge(long size, long max) {
        return "the module is larger than the limit of " + max + " bytes (at least " + size + " bytes); raise "
                + WasmGuestSetting.DOWNLOAD_MAX_BYTES.key() + " if this is expected";
    }

    /** Logs a long download's progress at most once per interval. */
    private static final class ProgressLog implements BodyReader.Progress {

        private final String name;
        private final long declared;
        private final long intervalNanos;
        private long nextReport;

        ProgressLog(String name, long declared, Duration interval) {
            this.name = name;
            this.declared = declared;
            this.intervalNanos = interval.toNanos();
            this.nextReport = System.nanoTime() + intervalNanos;
        }

        @Override
        public void received(long bytesSoFar) {
            long now = System.nanoTime();
            if (now - nextReport < 0) {
                return;
            }
            nextReport = now + intervalNanos;
            String total = declared > 0
                    ? String.format(" of %.1f MiB (%d%%)", declared / 1048576.0, bytesSoFar * 100 / declared)
                    : "";
            LOG.log(
                    Level.INFO,
                    () -> String.format("Guest module %s: downloaded %.1f MiB%s", name, bytesSoFar / 1048576.0, total));
        }
    }
}
