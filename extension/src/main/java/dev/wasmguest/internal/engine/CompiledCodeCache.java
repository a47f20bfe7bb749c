package dev.wasmguest.internal.engine;

import com.dylibso.chicory.compiler.Cache;
import dev.wasmguest.internal.resolve.Sha256;
import dev.wasmguest.internal.util.AtomicFiles;
import dev.wasmguest.internal.util.CacheLock;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

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
 * none.
 *
 * <p>One compilation per module, however many ask: a {@link #get} that misses takes the entry's lock (a file lock
 * beside it) and keeps it until {@link #putIfAbsent} or {@link #abandon}; threads and JVMs missing the same entry
 * meanwhile wait, then find the entry. A wait longer than the lock timeout gives up and compiles too. Thread-safe.
 */
final class CompiledCodeCache implements Cache {

    private static final System.Logger LOG = System.getLogger(CompiledCodeCache.class.getName());
    private static final byte[] MAGIC = "WGCC0001".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final Path directory;
    private final Duration lockTimeout;
    /** The locks of entries this JVM is compiling, by key. */
    private final Map<String, CacheLock> compiling = new ConcurrentHashMap<>();

    CompiledCodeCache(Path cacheDirectory, Duration lockTimeout) {
        this.directory = cacheDirectory.resolve("compiled").resolve("chicory-" + ChicoryVersion.get());
        this.lockTimeout = lockTimeout;
    }

    /** The entry, or null after taking its lock: the caller compiles, then calls {@link #putIfAbsent}. */
    @Override
    public byte[] get(String key) {
        byte[] found = read(key);
        if (found != null) {
            return found;
        }
        CacheLock lock;
        try {
            lock = CacheLock.acquire(lockFile(key), lockTimeout);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, e.getMessage() + "; compiling without waiting any longer");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        found = read(key); // whoever held the lock may have stored it meanwhile
        if (found != null) {
            lock.close();
            return found;
        }
        compiling.put(key, lock);
        return null;
    }

    /** Stores the entry, if missing, and releases its lock. */
    @Override
    public void putIfAbsent(String key, byte[] payload) {
        try {
            write(key, payload);
        } finally {
            abandon(key);
        }
    }

    /** Releases the lock a missing {@link #get} took, when no entry will come (the compilation failed). */
    void abandon(String key) {
        CacheLock lock = compiling.remove(key);
        if (lock != null) {
            lock.close();
        }
    }

    private byte[] read(String key) {
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

    /**
     * The functions Chicory left to its interpreter in the entry's classes: read from the list stored beside the
     * entry, else (an entry written without one) from the classes themselves, which costs a scan of them all.
     *
     * @throws IllegalStateException when the classes use the interpreter in a way {@link InterpretedFunctions}
     *         does not know
     */
    List<Integer> interpretedFunctions(String key, byte[] payload) {
        try {
            String stored = Files.readString(interpretedFile(key), StandardCharsets.US_ASCII).strip();
            return stored.isEmpty() ? List.of()
                    : Arrays.stream(stored.split(",")).map(Integer::valueOf).collect(Collectors.toList());
        } catch (IOException | NumberFormatException e) {
            return storeInterpretedFunctions(key, payload);
        }
    }

    private void write(String key, byte[] payload) {
        Path file = file(key);
        if (Files.exists(file)) {
            return;
        }
        try {
            storeInterpretedFunctions(key, payload);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Cannot tell which functions of " + file(key) + " Chicory interprets", e);
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

    /**
     * Reads the list from the classes and stores it beside the entry (before the entry, when writing one), so that
     * a warm start reads a line instead of scanning megabytes of classes.
     */
    private List<Integer> storeInterpretedFunctions(String key, byte[] payload) {
        List<Integer> interpreted = InterpretedFunctions.in(payload);
        String list = interpreted.stream().map(String::valueOf).collect(Collectors.joining(","));
        try {
            AtomicFiles.write(interpretedFile(key), list.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Cannot store the interpreted functions of compiled code " + file(key), e);
        }
        return interpreted;
    }

    Path file(String key) {
        return directory.resolve(fileName(key) + ".bin");
    }

    private Path interpretedFile(String key) {
        return directory.resolve(fileName(key) + ".interpreted");
    }

    private Path lockFile(String key) {
        return directory.resolve(fileName(key) + ".lock");
    }

    private static String fileName(String key) {
        // Keys hold Chicory's module digests; hashing them again keeps any key a safe file name.
        return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
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
