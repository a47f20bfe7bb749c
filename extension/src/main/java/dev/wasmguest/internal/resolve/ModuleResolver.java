package dev.wasmguest.internal.resolve;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.remote.RemoteCache;
import dev.wasmguest.internal.source.BytesSource;
import dev.wasmguest.internal.source.FileSource;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.source.ResourceSource;
import dev.wasmguest.internal.source.UrlSource;
import dev.wasmguest.internal.util.CacheLock;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Turns a {@link ModuleSource} into verified module bytes: URLs through the disk cache (downloading on a miss or
 * when stale), files and classpath resources read directly. Thread-safe, and safe to share a cache directory with
 * other instances and other JVMs: a URL is downloaded by one of them at a time, under its cache lock.
 */
@API(status = INTERNAL, since = "0.1")
public final class ModuleResolver {

    private static final System.Logger LOG = System.getLogger(ModuleResolver.class.getName());

    private final ModuleCache cache;
    private final HttpFetcher fetcher;
    private final ResolutionSettings settings;
    private final Clock clock;
    private final Optional<RemoteCache> remote;

    public ModuleResolver(ResolutionSettings settings, Clock clock) {
        this(settings, clock, Optional.empty());
    }

    /** @param remote where pinned modules missing here are looked for first, and downloads are shared, if anywhere */
    public ModuleResolver(ResolutionSettings settings, Clock clock, Optional<RemoteCache> remote) {
        this.remote = remote;
        this.settings = settings;
        this.cache = new ModuleCache(settings.cacheDirectory());
        this.fetcher = new HttpFetcher(settings.limits());
        this.clock = clock;
    }

    /**
     * @param pinnedSha256 the lower-case hex sha256 the module must have, or empty
     * @throws GuestResolutionException when the module cannot be had or is not a wasm module with that hash;
     *         {@link OfflineMissException} when offline and the module is not cached
     */
    public ResolvedModule resolve(ModuleSource source, Optional<String> pinnedSha256) {
        if (source instanceof UrlSource url) {
            return resolveUrl(url.uri(), pinnedSha256);
        }
        return verified(source.describe(), readLocal(source), pinnedSha256);
    }

    @SuppressWarnings("try") // the lock is only held, for the whole block
    private ResolvedModule resolveUrl(URI uri, Optional<String> pinned) {
        Optional<Cached> cached = cached(uri, pinned);
        if (cached.isPresent() && (settings.offline() || cached.get().fresh)) {
            return logHit(uri, cached.get());
        }
        if (settings.offline()) {
            throw new OfflineMissException(
                    uri.toString(),
                    "not in the offline cache (wasmguest.offline=true);"
                            + " run once without wasmguest.offline to download it into " + cache.directory()
                            + (pinned.isPresent()
                                    ? ""
                                    : ", or pin it with sha256 and copy the module to "
                                            + cache.directory()
                                                    .resolve("modules")
                                                    .resolve("<sha256>.wasm")));
        }
        try (CacheLock lock =
                CacheLock.acquire(cache.lockFile(uri), settings.limits().lockTimeout())) {
            // Another thread or JVM may have downloaded it while this one waited for the lock.
            Optional<Cached> current = cached(uri, pinned);
            if (current.isPresent() && current.get().fresh) {
                return logHit(uri, current.get());
            }
            Optional<ResolvedModule> shared = pinned.flatMap(sha256 -> fromRemote(uri, sha256));
            if (shared.isPresent()) {
                return shared.get();
            }
            ResolvedModule downloaded = download(uri, pinned, current);
            remote.ifPresent(cache -> cache.storeModule(downloaded.sha256(), downloaded.bytes()));
            return downloaded;
        } catch (TimeoutException e) {
            throw new GuestResolutionException(
                    uri.toString(), e.getMessage() + "; if no other build is running, delete that file", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestResolutionException(uri.toString(), "interrupted while waiting for the cache lock", e);
        }
    }

    /**
     * A pinned module from the remote cache, stored here; only a pinned one, since only its sha256 is known before
     * it is downloaded. It is a wasm module: its bytes have the sha256 it was pinned with.
     */
    private Optional<ResolvedModule> fromRemote(URI uri, String sha256) {
        return remote.flatMap(cache -> cache.module(sha256, uri.toString())).map(bytes -> {
            ResolvedModule module = verified(uri.toString(), bytes, Optional.of(sha256));
            cache.storeModule(sha256, bytes);
            return module;
        });
    }

    /** A usable cached module for the URL: the pinned one, else the one the URL index names. */
    private Optional<Cached> cached(URI uri, Optional<String> pinned) {
        if (pinned.isPresent()) {
            // A pinned module is immutable: any cached copy with that hash is current, whatever its age.
            return cache.readModule(pinned.get())
                    .map(bytes -> new Cached(
                            new ResolvedModule(bytes, pinned.get()),
                            cache.readUrl(uri).filter(record -> record.sha256().equals(pinned.get())),
                            true));
        }
        return cache.readUrl(uri)
                .flatMap(record -> cache.readModule(record.sha256())
                        .map(bytes -> new Cached(
                                new ResolvedModule(bytes, record.sha256()),
                                Optional.of(record),
                                Duration.between(record.fetchedAt(), clock.instant())
                                                .compareTo(settings.maxAge())
                                        < 0)));
    }

    private ResolvedModule download(URI uri, Optional<String> pinned, Optional<Cached> stale) {
        String from = settings.rewrites().apply(uri.toString());
        String via = from.equals(uri.toString()) ? "" : " (downloading from " + from + ")";
        Optional<HttpFetcher.Validators> validators = stale.flatMap(cached -> cached.record)
                .map(record -> new HttpFetcher.Validators(record.etag(), record.lastModified()));
        long start = System.nanoTime();
        HttpFetcher.Outcome outcome;
        try {
            outcome = fetcher.fetch(URI.create(from), validators, uri.toString());
        } catch (DownloadFailure failure) {
            if (failure.isTransient() && stale.isPresent()) {
                LOG.log(
                        Level.WARNING,
                        () -> "Guest module " + uri + ": using the stale cached copy (sha256 "
                                + stale.get().module.sha256() + ") because the server could not be reached: "
                                + failure.getMessage());
                return stale.get().module;
            }
            throw new GuestResolutionException(uri.toString(), failure.getMessage() + via, failure);
        }
        if (outcome instanceof HttpFetcher.NotModified) {
            ModuleCache.UrlRecord record = stale.get().record.orElseThrow();
            cache.storeUrl(record.revalidatedAt(clock.instant()));
            LOG.log(
                    Level.DEBUG,
                    () -> "Guest module " + uri + ": not modified (304), keeping sha256 " + record.sha256());
            return stale.get().module;
        }
        HttpFetcher.Fetched fetched = (HttpFetcher.Fetched) outcome;
        ResolvedModule module = verified(uri.toString(), fetched.bytes(), pinned);
        cache.storeModule(module.sha256(), module.bytes());
        cache.storeUrl(new ModuleCache.UrlRecord(
                uri.toString(),
                module.sha256(),
                module.bytes().length,
                fetched.etag(),
                fetched.lastModified(),
                clock.instant()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.log(
                Level.INFO,
                () -> "Guest module " + uri + via + ": downloaded " + module.bytes().length + " bytes in " + millis
                        + " ms, sha256 " + module.sha256());
        return module;
    }

    private static ResolvedModule logHit(URI uri, Cached cached) {
        LOG.log(
                Level.DEBUG,
                () -> "Guest module " + uri + ": cache hit" + (cached.fresh ? "" : " (stale, offline)") + ", sha256 "
                        + cached.module.sha256() + ", " + cached.module.bytes().length + " bytes");
        return cached.module;
    }

    private static ResolvedModule verified(String source, byte[] bytes, Optional<String> pinnedSha256) {
        WasmBytes.requireWasm(source, bytes);
        String actual = Sha256.hex(bytes);
        pinnedSha256.filter(expected -> !expected.equals(actual)).ifPresent(expected -> {
            throw new GuestResolutionException(
                    source,
                    "hash mismatch: expected sha256 " + expected + " got "
                            + actual + "; the module changed at its source, update the sha256 attribute if that is"
                            + " intended");
        });
        return new ResolvedModule(bytes, actual);
    }

    private static byte[] readLocal(ModuleSource source) {
        if (source instanceof FileSource file) {
            try {
                return Files.readAllBytes(file.path());
            } catch (NoSuchFileException e) {
                throw new GuestResolutionException(
                        source.describe(),
                        "no such file (relative paths resolve" + " against the working directory "
                                + Path.of("").toAbsolutePath() + ")",
                        e);
            } catch (IOException e) {
                throw new GuestResolutionException(source.describe(), "cannot read the file: " + e, e);
            }
        }
        if (source instanceof ResourceSource resource) {
            try (InputStream in = resource.classLoader().getResourceAsStream(resource.name())) {
                if (in == null) {
                    throw new GuestResolutionException(
                            source.describe(),
                            "no such resource on the class path;"
                                    + " resource names are absolute, e.g. \"guests/hello.wasm\" for"
                                    + " src/test/resources/guests/hello.wasm");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new GuestResolutionException(source.describe(), "cannot read the resource: " + e, e);
            }
        }
        return ((BytesSource) source).bytes();
    }

    /** A module found in the cache, with the URL index entry that led to it, if any. */
    private record Cached(ResolvedModule module, Optional<ModuleCache.UrlRecord> record, boolean fresh) {}
}
