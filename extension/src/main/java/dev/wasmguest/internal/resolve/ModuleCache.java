package dev.wasmguest.internal.resolve;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.util.AtomicFiles;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * The on-disk module cache. Modules are stored by content, URLs point at content:
 *
 * <pre>
 * &lt;dir&gt;/modules/&lt;sha256&gt;.wasm          the module's bytes, named by their own sha256
 * &lt;dir&gt;/urls/&lt;sha256 of the URL&gt;.properties   url, sha256, size, etag, last-modified, fetched-at
 * &lt;dir&gt;/locks/&lt;sha256 of the URL&gt;.lock         held while one thread of one JVM downloads the URL
 * </pre>
 *
 * Every file is written to a temporary file in the same directory, forced to disk and renamed into place, so
 * readers in other threads and JVMs see either nothing or a complete file. Before a file is written, the temporary
 * files that writers which failed or were killed left in its directory are removed ({@link
 * AtomicFiles#removeAbandoned}). A module file whose bytes no longer hash to its name is deleted and reported as
 * absent, never returned. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class ModuleCache {

    private static final System.Logger LOG = System.getLogger(ModuleCache.class.getName());

    private final Path directory;
    private final Path modules;
    private final Path urls;
    private final Path locks;

    public ModuleCache(Path directory) {
        this.directory = directory;
        this.modules = directory.resolve("modules");
        this.urls = directory.resolve("urls");
        this.locks = directory.resolve("locks");
    }

    public Path directory() {
        return directory;
    }

    /** The file that threads and JVMs lock while one of them downloads {@code url}. */
    Path lockFile(URI url) {
        return locks.resolve(urlKey(url) + ".lock");
    }

    /** The verified bytes of the module with this sha256, or empty when absent or corrupt. */
    public Optional<byte[]> readModule(String sha256) {
        Path file = moduleFile(sha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cached module " + file, e);
        }
        if (!Sha256.hex(bytes).equals(sha256)) {
            LOG.log(Level.WARNING, "Cached module {0} does not hash to its name any more; deleting it", file);
            deleteQuietly(file);
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /** Stores a module under its sha256, unless a file of that name is already there. */
    public void storeModule(String sha256, byte[] bytes) {
        Path file = moduleFile(sha256);
        if (!Files.exists(file)) {
            writeAtomically(file, bytes);
        }
    }

    public Path moduleFile(String sha256) {
        return modules.resolve(sha256 + ".wasm");
    }

    /** What the index knows of a URL, or empty when it was never fetched. */
    public Optional<UrlRecord> readUrl(URI url) {
        Path file = urlFile(url);
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable cache index entry " + file, e);
            return Optional.empty();
        }
        return UrlRecord.fromProperties(properties)
                .filter(record -> record.url().equals(url.toString()));
    }

    public void storeUrl(UrlRecord record) {
        writeAtomically(
                urlFile(URI.create(record.url())), record.toPropertiesText().getBytes(StandardCharsets.UTF_8));
    }

    private Path urlFile(URI url) {
        return urls.resolve(urlKey(url) + ".properties");
    }

    private static String urlKey(URI url) {
        return Sha256.hex(url.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        try {
            AtomicFiles.removeAbandoned(target.getParent());
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + " into the wasmguest cache", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not delete " + file, e);
        }
    }

    /** One entry of the URL index. */
    public record UrlRecord(String url, String sha256, long size, String etag, String lastModified, Instant fetchedAt) {

        /** This entry, confirmed current by the server at {@code now}. */
        UrlRecord revalidatedAt(Instant now) {
            return new UrlRecord(url, sha256, size, etag, lastModified, now);
        }

        static Optional<UrlRecord> fromProperties(Properties p) {
            String url = p.getProperty("url");
            String sha256 = p.getProperty("sha256");
            String size = p.getProperty("size");
            String fetchedAt = p.getProperty("fetched-at");
            if (url == null || sha256 == null || size == null || fetchedAt == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new UrlRecord(
                        url,
                        sha256,
                        Long.parseLong(size),
                        p.getProperty("etag"),
                        p.getProperty("last-modified"),
                        Instant.parse(fetchedAt)));
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }

        String toPropertiesText() {
            Properties p = new Properties();
            p.setProperty("url", url);
            p.setProperty("sha256", sha256);
            p.setProperty("size", Long.toString(size));
            p.setProperty("fetched-at", fetchedAt.toString());
            if (etag != null) {
                p.setProperty("etag", etag);
            }
            if (lastModified != null) {
                p.setProperty("last-modified", lastModified);
            }
            StringWriter text = new StringWriter();
            try {
                p.store(text, "wasmguest URL index entry");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.toString();
        }
    }
}
