package dev.wasmguest.internal.load;

import dev.wasmguest.internal.remote.RemoteCache;
import dev.wasmguest.internal.util.AtomicFiles;
import dev.wasmguest.internal.util.CacheLock;
import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Endive's compiled code on disk, so that a JVM loading a module another JVM translated skips the translation:
 *
 * <pre>
 * &lt;cache dir&gt;/compiled/endive-&lt;version&gt;/&lt;sha256 of module sha256 and compiler options&gt;.bin
 * </pre>
 *
 * An entry holds the functions left to the interpreter and the jar of generated classes. Endive's version is part
 * of the path, so a newer Endive never reads an older one's classes. Each entry starts with a magic word and the
 * sha256 of its payload: a torn or corrupted entry is detected, deleted and rebuilt. Entries are written to a
 * temporary file and renamed into place, so readers in other JVMs see a whole entry or none; the temporary files of
 * writers that were killed are removed when the next entry is stored.
 *
 * <p>One translation per module, however many ask: {@link #findOrLock} that misses takes the entry's lock (a file
 * lock beside it) and keeps it until {@link #store} or {@link #abandon}; threads and JVMs missing the same entry
 * meanwhile wait, then find the entry. A wait longer than the lock timeout gives up and translates too.
 * Thread-safe.
 */
final class CompiledCodeCache {

    private static final System.Logger LOG = System.getLogger(CompiledCodeCache.class.getName());
    private static final byte[] MAGIC = "WGCC0002".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH_BYTES = 32;

    private final Path root;
    private final Path directory;
    private final Duration lockTimeout;
    private final Optional<RemoteCache> remote;
    /** The locks of entries this JVM is translating, by module. */
    private final Map<String, CacheLock> translating = new ConcurrentHashMap<>();

    CompiledCodeCache(Path cacheDirectory, Duration lockTimeout) {
        this(cacheDirectory, lockTimeout, Optional.empty());
    }

    /** @param remote where entries missing here are looked for, and stored entries are shared, if anywhere */
    CompiledCodeCache(Path cacheDirectory, Duration lockTimeout, Optional<RemoteCache> remote) {
        this.remote = remote;
        this.root = cacheDirectory;
        this.directory = cacheDirectory.resolve("compiled").resolve(RuntimeVersion.cacheSegment());
        this.lockTimeout = lockTimeout;
    }

    /**
     * What an entry holds: how many functions the module imports (so that a loader can find the interpreted
     * functions' bodies without parsing the import section), the functions left to the interpreter, ascending, and
     * the generated classes.
     */
    record Entry(int importedFunctions, List<Integer> interpreted, byte[] jar) {}

    /**
     * The module's entry, if one is stored here and whole, or the remote cache has an authentic one (then stored
     * here too). Never waits for another translation; a remote costs at most its timeout.
     */
    Optional<Entry> find(String moduleSha256) {
        return Optional.ofNullable(read(moduleSha256)).or(() -> fromRemote(moduleSha256));
    }

    /**
     * The module's entry, or empty after taking its lock: the caller translates, then calls {@link #store} or
     * {@link #abandon}. Waits while another thread or JVM translates the module, up to the lock timeout.
     */
    Optional<Entry> findOrLock(String moduleSha256) {
        Optional<Entry> stored = find(moduleSha256);
        if (stored.isPresent()) {
            return stored;
        }
        CacheLock lock;
        try {
            lock = CacheLock.acquire(file(moduleSha256, ".lock"), lockTimeout);
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, e.getMessage() + "; translating without waiting any longer");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Entry found = read(moduleSha256); // whoever held the lock may have stored it meanwhile
        if (found != null) {
            lock.close();
            return Optional.of(found);
        }
        translating.put(moduleSha256, lock);
        return Optional.empty();
    }

    /** Stores the entry, if missing, and releases its lock. A cache that cannot be written costs time, not runs. */
    void store(String moduleSha256, Entry entry) {
        try {
            Path file = entryFile(moduleSha256);
            if (!Files.exists(file)) {
                byte[] encoded = encode(entry);
                AtomicFiles.removeAbandoned(directory);
                AtomicFiles.write(file, encoded);
                remote.ifPresent(shared -> shared.storeCompiled(remoteKey(moduleSha256), encoded));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot store compiled code in " + directory + ": " + e);
        } finally {
            abandon(moduleSha256);
        }
    }

    /** Releases the lock a missing {@link #findOrLock} took, when no entry will come (the translation failed). */
    void abandon(String moduleSha256) {
        CacheLock lock = translating.remove(moduleSha256);
        if (lock != null) {
            lock.close();
        }
    }

    /** The remote cache this one shares entries with, if any. */
    Optional<RemoteCache> remote() {
        return remote;
    }

    /** The cache directory this cache's {@code compiled} folder is in. */
    Path root() {
        return root;
    }

    /** The longest wait for another thread or JVM translating the same module. */
    Duration lockTimeout() {
        return lockTimeout;
    }

    /** Where a {@link DetachedTranslation} of the module writes its output. */
    Path logFile(String moduleSha256) {
        return file(moduleSha256, ".log");
    }

    /**
     * The module a split copy's key names ({@link FunctionSplitter#key}), as an earlier JVM stored it: splitting a big
     * module takes a second a later JVM need not spend.
     */
    Optional<byte[]> splitCopy(String key) {
        try {
            return Optional.of(Files.readAllBytes(splitCopyFile(key)));
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    /** Stores a split copy for later JVMs; a cache that cannot be written costs time, not runs. */
    void storeSplitCopy(String key, byte[] bytes) {
        try {
            AtomicFiles.write(splitCopyFile(key), bytes); // creates the directory
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "Cannot store a split module in " + directory + ": " + e);
        }
    }

    /** Forgets a split copy that failed to load. */
    void removeSplitCopy(String key) {
        try {
            Files.deleteIfExists(splitCopyFile(key));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "Cannot remove a split module from " + directory + ": " + e);
        }
    }

    /** Where the split copy of {@code key} is, or would be, stored. */
    Path splitCopyFile(String key) {
        return file(key, ".split.wasm");
    }

    /** Where the module's entry is, or would be, stored. */
    Path entryFile(String moduleSha256) {
        return file(moduleSha256, ".bin");
    }

    /** The remote's authentic entry, stored here for later JVMs, if it has one that decodes. */
    private Optional<Entry> fromRemote(String moduleSha256) {
        return remote.flatMap(shared -> shared.compiled(remoteKey(moduleSha256), "sha256:" + moduleSha256))
                .flatMap(bytes -> {
                    Entry entry = decode(bytes);
                    if (entry == null) {
                        LOG.log(
                                Level.WARNING,
                                "The remote cache's compiled code for sha256:" + moduleSha256
                                        + " is authentic but not of this format; translating here");
                        return Optional.empty();
                    }
                    try {
                        AtomicFiles.write(entryFile(moduleSha256), bytes);
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, "Cannot store compiled code in " + directory + ": " + e);
                    }
                    return Optional.of(entry);
                });
    }

    /**
     * The remote cache's key of the module's entry: Endive's version and the compiler's options are part of it, so
     * machines on other versions never share code.
     */
    private static String remoteKey(String moduleSha256) {
        String key = "compiled;" + RuntimeVersion.cacheSegment() + ";" + moduleSha256 + ";" + Translator.OPTIONS;
        return Sha256.hex(key.getBytes(StandardCharsets.UTF_8));
    }

    private Entry read(String moduleSha256) {
        Path file = entryFile(moduleSha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read compiled code " + file + "; translating again: " + e);
            return null;
        }
        Entry entry = decode(bytes);
        if (entry == null) {
            LOG.log(Level.WARNING, "Compiled code " + file + " is damaged; deleting it and translating again");
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "could not delete " + file, e);
            }
            return null;
        }
        LOG.log(Level.DEBUG, () -> "Compiled code cache hit: " + file);
        return entry;
    }

    private static byte[] encode(Entry entry) {
        ByteBuffer payload = ByteBuffer.allocate(8 + 4 * entry.interpreted().size() + entry.jar().length);
        payload.putInt(entry.importedFunctions());
        payload.putInt(entry.interpreted().size());
        entry.interpreted().forEach(payload::putInt);
        payload.put(entry.jar());
        byte[] bytes = payload.array();
        return ByteBuffer.allocate(MAGIC.length + HASH_BYTES + bytes.length)
                .put(MAGIC)
                .put(Sha256.digest().digest(bytes))
                .put(bytes)
                .array();
    }

    /** The entry, or null when the bytes are not a whole entry of this format. */
    private static Entry decode(byte[] bytes) {
        int header = MAGIC.length + HASH_BYTES;
        if (bytes.length < header + 8 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        byte[] expected = Arrays.copyOfRange(bytes, MAGIC.length, header);
        ByteBuffer payload = ByteBuffer.wrap(bytes, header, bytes.length - header);
        MessageDigest digest = Sha256.digest();
        digest.update(bytes, header, bytes.length - header);
        if (!Arrays.equals(expected, digest.digest())) {
            return null;
        }
        int imported = payload.getInt();
        int count = payload.getInt();
        if (imported < 0 || count < 0 || count > payload.remaining() / 4) {
            return null;
        }
        List<Integer> interpreted = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            interpreted.add(payload.getInt());
        }
        byte[] jar = new byte[payload.remaining()];
        payload.get(jar);
        return new Entry(imported, interpreted, jar);
    }

    private Path file(String moduleSha256, String suffix) {
        // The compiler's options are part of the name: code made with other options is never loaded.
        String key = moduleSha256 + ";" + Translator.OPTIONS;
        return directory.resolve(Sha256.hex(key.getBytes(StandardCharsets.UTF_8)) + suffix);
    }
}
