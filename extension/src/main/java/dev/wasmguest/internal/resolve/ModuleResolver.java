package dev.wasmguest.internal.resolve;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.source.BytesSource;
import dev.wasmguest.internal.source.FileSource;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.source.ResourceSource;
import dev.wasmguest.internal.source.UrlSource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns a {@link ModuleSource} into verified module bytes: URLs through the disk cache (downloading on a miss),
 * files and classpath resources read directly. Thread-safe.
 */
public final class ModuleResolver {

    private static final System.Logger LOG = System.getLogger(ModuleResolver.class.getName());

    private final ModuleCache cache;
    private final HttpFetcher fetcher;
    private final Clock clock;

    public ModuleResolver(ModuleCache cache, HttpFetcher fetcher, Clock clock) {
        this.cache = cache;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /**
     * @param pinnedSha256 the lower-case hex sha256 the module must have, or empty
     * @throws GuestResolutionException when the module cannot be had or is not a wasm module with that hash
     */
    public ResolvedModule resolve(ModuleSource source, Optional<String> pinnedSha256) {
        if (source instanceof UrlSource url) {
            return resolveUrl(url.uri(), pinnedSha256);
        }
        return verified(source.describe(), readLocal(source), pinnedSha256);
    }

    private ResolvedModule resolveUrl(URI uri, Optional<String> pinnedSha256) {
        Optional<ResolvedModule> cached = pinnedSha256
                .or(() -> cache.readUrl(uri).map(ModuleCache.UrlRecord::sha256))
                .flatMap(sha256 -> cache.readModule(sha256).map(bytes -> new ResolvedModule(bytes, sha256)));
        if (cached.isPresent()) {
            LOG.log(Level.DEBUG, () -> "Guest module " + uri + ": cache hit, sha256 " + cached.get().sha256()
                    + ", " + cached.get().bytes().length + " bytes");
            return cached.get();
        }
        long start = System.nanoTime();
        HttpFetcher.Download download = fetcher.fetch(uri);
        ResolvedModule module = verified(uri.toString(), download.bytes(), pinnedSha256);
        cache.storeModule(module.sha256(), module.bytes());
        cache.storeUrl(new ModuleCache.UrlRecord(uri.toString(), module.sha256(), module.bytes().length,
                download.etag(), download.lastModified(), clock.instant()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.log(Level.INFO, () -> "Guest module " + uri + ": downloaded " + module.bytes().length + " bytes in "
                + millis + " ms, sha256 " + module.sha256());
        return module;
    }

    private static ResolvedModule verified(String source, byte[] bytes, Optional<String> pinnedSha256) {
        WasmBytes.requireModule(source, bytes);
        String actual = Sha256.hex(bytes);
        pinnedSha256.filter(expected -> !expected.equals(actual)).ifPresent(expected -> {
            throw new GuestResolutionException(source, "hash mismatch: expected sha256 " + expected + " got "
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
                throw new GuestResolutionException(source.describe(), "no such file (relative paths resolve"
                        + " against the working directory " + java.nio.file.Path.of("").toAbsolutePath() + ")", e);
            } catch (IOException e) {
                throw new GuestResolutionException(source.describe(), "cannot read the file: " + e, e);
            }
        }
        if (source instanceof ResourceSource resource) {
            try (InputStream in = resource.classLoader().getResourceAsStream(resource.name())) {
                if (in == null) {
                    throw new GuestResolutionException(source.describe(), "no such resource on the class path;"
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
}
