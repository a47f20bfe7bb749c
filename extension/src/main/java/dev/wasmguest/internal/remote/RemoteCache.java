package dev.wasmguest.internal.remote;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.util.Lazy;
import dev.wasmguest.internal.util.Sha256;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * A content-addressed HTTP cache that the machines of a CI fleet share ({@code wasmguest.cache.remote}), as ccache,
 * sccache and Gradle's and Bazel's remote caches are: an entry is GET, HEAD and PUT at a URL made of the
 * {@code wasmguest.cache.remote.layout} template, its kind ({@code modules} or {@code compiled}) and its key, which
 * is derived from the module's sha256 (and for compiled code, Endive's version and the compiler's options).
 *
 * <p>Trust: a module is used only when its bytes have the sha256 it is stored under. Compiled code is bytecode the JVM
 * would run, so it is read and written only with {@code wasmguest.cache.remote.key}, and used only when its
 * {@link EntrySignature} verifies under that key; anything else is refused, said once, and the code translated here.
 * Writes happen only with {@code wasmguest.cache.remote.write=true}.
 *
 * <p>A remote that fails (unreachable, slow, an error status) never fails a run: each request is bounded by
 * {@code wasmguest.cache.remote.timeout}, and after the first failure this instance, said once at WARNING, leaves the
 * remote alone. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class RemoteCache {

    /** What an entry holds, and the {@code {kind}} of its path. */
    public enum Kind {
        MODULES,
        COMPILED;

        String segment() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final System.Logger LOG = System.getLogger(RemoteCache.class.getName());

    private final URI base;
    private final String shown;
    private final Optional<String> authorization;
    private final String layout;
    private final boolean writes;
    private final Optional<EntrySignature> signature;
    private final Duration timeout;
    private final Map<String, String> settings;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicBoolean toldUnsigned = new AtomicBoolean();
    private final Lazy<HttpClient> client;

    private RemoteCache(ConfigValue url, String layout, boolean writes, Optional<String> key, Duration timeout) {
        URI given = uri(url);
        this.base = withoutUserInfo(given);
        this.shown = base.toString();
        this.authorization = Optional.ofNullable(given.getRawUserInfo())
                .map(info -> "Basic "
                        + Base64.getEncoder()
                                .encodeToString(URLDecoder.decode(info, StandardCharsets.UTF_8)
                                        .getBytes(StandardCharsets.UTF_8)));
        this.layout = layout;
        this.writes = writes;
        this.signature = key.map(EntrySignature::new);
        this.timeout = timeout;
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put(WasmGuestSetting.CACHE_REMOTE.key(), url.text());
        kept.put(WasmGuestSetting.CACHE_REMOTE_LAYOUT.key(), layout);
        kept.put(WasmGuestSetting.CACHE_REMOTE_WRITE.key(), String.valueOf(writes));
        key.ifPresent(secret -> kept.put(WasmGuestSetting.CACHE_REMOTE_KEY.key(), secret));
        kept.put(WasmGuestSetting.CACHE_REMOTE_TIMEOUT.key(), timeout.toString());
        this.settings = Map.copyOf(kept);
        this.client = Lazy.of(() -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build());
    }

    /**
     * The remote cache {@code wasmguest.cache.remote} names, if it names one.
     *
     * @throws IllegalArgumentException naming the key whose value is malformed
     */
    public static Optional<RemoteCache> from(Settings settings) {
        Optional<ConfigValue> url = settings.value(WasmGuestSetting.CACHE_REMOTE)
                .filter(value ->
                        !value.text().isBlank() && !value.text().strip().equals("none"));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String layout = settings.value(WasmGuestSetting.CACHE_REMOTE_LAYOUT)
                .map(value -> {
                    if (!value.text().contains("{key}")) {
                        throw value.invalid("a path with {key}, such as {kind}/{key} or cache/{key}");
                    }
                    return value.text().strip();
                })
                .orElse(WasmGuestSetting.CACHE_REMOTE_LAYOUT.defaultValue());
        return Optional.of(new RemoteCache(
                url.get(),
                layout,
                settings.read(WasmGuestSetting.CACHE_REMOTE_WRITE, ConfigValue::flag, false),
                settings.get(WasmGuestSetting.CACHE_REMOTE_KEY.key())
                        .filter(key -> !key.isEmpty() && !key.equals("none")),
                settings.read(
                        WasmGuestSetting.CACHE_REMOTE_TIMEOUT,
                        ConfigValue::positiveDuration,
                        Duration.parse(WasmGuestSetting.CACHE_REMOTE_TIMEOUT.defaultValue()))));
    }

    /** The module stored under its sha256, if the remote has it and its bytes have that sha256. */
    public Optional<byte[]> module(String sha256, String source) {
        Optional<byte[]> bytes = get(Kind.MODULES, sha256);
        if (bytes.isPresent() && !Sha256.hex(bytes.get()).equals(sha256)) {
            LOG.log(
                    Level.WARNING,
                    "Guest module " + source + ": the remote cache's " + url(Kind.MODULES, sha256)
                            + " is not the module of that sha256 (damaged or tampered): not used");
            return Optional.empty();
        }
        bytes.ifPresent(found ->
                LOG.log(Level.INFO, () -> "Guest module " + source + ": loaded from the remote cache " + shown));
        return bytes;
    }

    /** Stores the module under its sha256, when this JVM writes and the remote lacks it. */
    public void storeModule(String sha256, byte[] bytes) {
        put(Kind.MODULES, sha256, bytes);
    }

    /**
     * The compiled-code entry stored under {@code key}, if the remote has one and it is authentic under this JVM's
     * key; empty without a key.
     */
    public Optional<byte[]> compiled(String key, String source) {
        if (signature.isEmpty()) {
            if (toldUnsigned.compareAndSet(false, true)) {
                LOG.log(
                        Level.INFO,
                        "Remote cache " + shown + ": compiled code is neither read nor written there without "
                                + WasmGuestSetting.CACHE_REMOTE_KEY.key() + " (it authenticates what the JVM would"
                                + " run); modules are");
            }
            return Optional.empty();
        }
        Optional<byte[]> signed = get(Kind.COMPILED, key);
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> entry = signature.get().verified(key, signed.get());
        if (entry.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Guest module " + source + ": the remote cache's compiled code " + url(Kind.COMPILED, key)
                            + " is not authentic (changed after it was stored, or stored with another "
                            + WasmGuestSetting.CACHE_REMOTE_KEY.key() + "): refused, never loaded; translating here");
        } else {
            LOG.log(
                    Level.INFO,
                    () -> "Guest module " + source + ": loaded its compiled code from the remote cache " + shown);
        }
        return entry;
    }

    /** Stores a compiled-code entry, signed, when this JVM writes, has the key, and the remote lacks it. */
    public void storeCompiled(String key, byte[] entry) {
        signature.ifPresent(sign -> {
            if (writes) {
                put(Kind.COMPILED, key, sign.signed(key, entry));
            }
        });
    }

    /** The settings that make this remote cache, for a JVM this one starts (the key is not put on its command line). */
    public Map<String, String> settings() {
        return settings;
    }

    private Optional<byte[]> get(Kind kind, String key) {
        return exchange("GET", kind, key, HttpRequest.BodyPublishers.noBody()).flatMap(response -> {
            if (response.statusCode() == 200) {
                return Optional.of(response.body());
            }
            if (response.statusCode() != 404) {
                failed("GET " + url(kind, key) + " answered HTTP " + response.statusCode());
            }
            return Optional.empty();
        });
    }

    private void put(Kind kind, String key, byte[] bytes) {
        if (!writes) {
            return;
        }
        Optional<HttpResponse<byte[]>> head = exchange("HEAD", kind, key, HttpRequest.BodyPublishers.noBody());
        if (head.isEmpty() || head.get().statusCode() == 200) {
            return; // failed, or already there: content-addressed entries never change
        }
        exchange("PUT", kind, key, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .filter(response -> response.statusCode() / 100 != 2)
                .ifPresent(response -> failed("PUT " + url(kind, key) + " answered HTTP " + response.statusCode()));
    }

    /** The response, or empty when the remote failed (said once) or this instance no longer asks it. */
    private Optional<HttpResponse<byte[]>> exchange(
            String method, Kind kind, String key, HttpRequest.BodyPublisher body) {
        if (failed.get()) {
            return Optional.empty();
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url(kind, key)).timeout(timeout).method(method, body);
        authorization.ifPresent(value -> request.header("Authorization", value));
        CompletableFuture<HttpResponse<byte[]>> response =
                client.get().sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The whole exchange, body included, within the timeout: a remote that trickles costs no more.
            return Optional.of(response.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            response.cancel(true);
            failed(method + " " + url(kind, key) + " took more than " + timeout.toMillis() + " ms ("
                    + WasmGuestSetting.CACHE_REMOTE_TIMEOUT.key() + ")");
        } catch (ExecutionException e) {
            failed(method + " " + url(kind, key) + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private void failed(String what) {
        if (failed.compareAndSet(false, true)) {
            LOG.log(
                    Level.WARNING,
                    "Remote cache " + shown + ": " + what + "; this JVM goes on without it (the local cache and"
                            + " downloads work as before)");
        }
    }

    private URI url(Kind kind, String key) {
        return base.resolve(layout.replace("{kind}", kind.segment()).replace("{key}", key));
    }

    private static URI uri(ConfigValue value) {
        try {
            URI uri = new URI(value.text().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw value.invalid("an http or https URL, such as http://cache.internal:8080/wasmguest/");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw value.invalid("an http or https URL, such as http://cache.internal:8080/wasmguest/");
        }
    }

    /** The URL without its user and password, ending with a slash so that the layout's paths go below it. */
    private static URI withoutUserInfo(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (path.endsWith("/") ? path : path + "/"));
    }
}
