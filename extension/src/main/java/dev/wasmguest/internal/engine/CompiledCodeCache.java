package dev.wasmguest.internal.engine;

import com.dylibso.chicory.compiler.Cache;
import dev.wasmguest.internal.resolve.Sha256;
import dev.wasmguest.internal.util.AtomicFiles;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Chicory's compiled code on disk, so that a JVM loading a module another JVM compiled skips the translation:
 *
 * <pre>
 * &lt;cache dir&gt;/compiled/chicory-&lt;version&gt;/&lt;module digest&gt;.bin
 * </pre>
 *
 * Chicory's version is part of the path, so a newer Chicory never reads an older one's classes. Each entry starts
 * with a magic word and the sha256 of its payload: a torn or corrupted entry is detected, deleted and rebuilt.
 * Entries are written to a temporary file and renamed into place, so readers in other JVMs see a whole entry or
 * none. Thread-safe.
 */
final class CompiledCodeCache implements Cache {

    private static final System.Logger LOG = System.getLogger(CompiledCodeCache.class.getName());
    private static final byte[] MAGIC = "WGCC0001".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final Path directory;

    CompiledCodeCache(Path cacheDirectory) {
        this.directory = cacheDirectory.resolve("compiled").resolve("chicory-" + ChicoryVersion.get());
    }

    @Override
    public byte[] get(String key) {
        Path file = file(key);
        byte[] entry;
        try {
            entry = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read compiled code " + file + "; compiling again", e);
            return null;
        }
        byte[] payload = verifiedPayload(entry);
        if (payload == null) {
            LOG.log(Level.WARNING, "Compiled code " + file + " is damaged; deleting it and compiling again");
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "could not delete " + file, e);
            }
            return null;
        }
        LOG.log(Level.DEBUG, () -> "Compiled code cache hit: " + file);
        return payload;
    }

    @Override
    public void putIfAbsent(String key, byte[] payload) {
        Path file = file(key);
        if (Files.exists(file)) {
            return;
        }
        byte[] entry = ByteBuffer.allocate(MAGIC.length + HASH_BYTES + payload.length)
                .put(MAGIC).put(Sha256.digest().digest(payload)).put(payload).array();
        try {
            AtomicFiles.write(file, entry);
        } catch (IOException e) {
            // A cache that cannot be written costs time, not correctness.
            LOG.log(Level.WARNING, "Cannot store compiled code in " + directory, e);
        }
    }

    Path file(String key) {
        // Keys are Chicory's module digests; hashing them again keeps any key a safe file name.
        return directory.resolve(Sha256.hex(key.getBytes(StandardCharsets.UTF_8)) + ".bin");
    }

    private static byte[] verifiedPayload(byte[] entry) {
        if (entry.length < MAGIC.length + HASH_BYTES
                || !Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(entry, MAGIC.length + HASH_BYTES, entry.length);
        byte[] expected = Arrays.copyOfRange(entry, MAGIC.length, MAGIC.length + HASH_BYTES);
        return Arrays.equals(expected, Sha256.digest().digest(payload)) ? payload : null;
    }
}
