package dev.wasmguest.internal.coverage;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiCoverage;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.util.Background;
import dev.wasmguest.internal.util.CacheLock;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * The coverage directory ({@code wasmguest.coverage.dir}): {@code lcov.info} and {@code cobertura.xml}, into which
 * runs merge their counts, under a lock on {@code .lock} that threads and JVMs (Surefire forks) take in turn, so no
 * count is lost. Both files are replaced whole: a reader never sees half of one.
 *
 * <p>A run hands its counts over and goes on; a thread of this object's merges what runs handed over since its last
 * merge (reading, merging and writing both files took 7 ms, as long as a short run). What is not written yet when
 * the JVM exits is written by a shutdown hook, which waits at most {@link #AT_EXIT} for it. Thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class CoverageFiles {

    private static final System.Logger LOG = System.getLogger(CoverageFiles.class.getName());

    /** Long enough for any other JVM's merge; a merge that waits longer is logged and dropped, never a run. */
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(1);

    /** The longest an exiting JVM waits for its last counts to be written (Surefire kills a fork after 30 s). */
    static final Duration AT_EXIT = Duration.ofSeconds(20);

    private final Path directory;
    private final Object monitor = new Object();
    /** Counts handed over and not merged yet; whenever there are some, a writer is at work. Guarded by monitor. */
    private LcovData pending = new LcovData();
    /** Guarded by monitor. */
    private boolean writing;
    /** Guarded by monitor. */
    private boolean hooked;

    private final Thread atExit;

    private CoverageFiles(Path directory) {
        this.directory = directory;
        this.atExit = new Thread(() -> awaitWritten(AT_EXIT), "wasmguest-coverage-at-exit");
    }

    /**
     * The coverage directory the settings name; empty when coverage is off.
     *
     * @throws IllegalArgumentException naming the key when its value is not a path
     */
    public static Optional<CoverageFiles> from(Settings settings) {
        return settings.read(
                WasmGuestSetting.COVERAGE_DIR,
                value -> value.text().isBlank() || value.text().equals("none")
                        ? Optional.<CoverageFiles>empty()
                        : Optional.of(new CoverageFiles(directory(value))),
                Optional.empty());
    }

    /** The coverage files of {@code directory}. */
    public static CoverageFiles in(Path directory) {
        return new CoverageFiles(directory.toAbsolutePath());
    }

    private static Path directory(ConfigValue value) {
        try {
            return Path.of(value.text()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    value.name() + "=" + value.text() + " (" + value.origin() + ") is not a directory path: "
                            + e.getMessage(),
                    e);
        }
    }

    public Path lcov() {
        return directory.resolve("lcov.info");
    }

    public Path cobertura() {
        return directory.resolve("cobertura.xml");
    }

    /** Hands a run's coverage over, to be merged into both files soon, and by the time the JVM exits. */
    void add(String module, WasiCoverage coverage) {
        synchronized (monitor) {
            pending.add(module, coverage);
            if (!writing) {
                writing = true;
                hookAtExit();
                Background.start("wasmguest-coverage " + directory, this::writeAllPending);
            }
        }
    }

    /**
     * Waits until what was handed over so far is in the files, at most {@code timeout}; false when it is not.
     * Interrupting the caller stops the wait, never the writing.
     */
    public boolean awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            try {
                while (writing) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.log(Level.WARNING, "Coverage in " + directory + " is not written whole after " + timeout);
                        return false;
                    }
                    monitor.wait(Math.max(1, left / 1_000_000));
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Merges batches of what runs handed over until none is left. */
    private Void writeAllPending() {
        while (true) {
            LcovData batch;
            synchronized (monitor) {
                if (pending.isEmpty()) {
                    writing = false;
                    unhookAtExit();
                    monitor.notifyAll();
                    return null;
                }
                batch = pending;
                pending = new LcovData();
            }
            merge(batch);
        }
    }

    /** Merges counts into both files; a failure is logged, as coverage never fails a test. */
    private void merge(LcovData batch) {
        try (CacheLock lock = CacheLock.acquire(directory.resolve(".lock"), LOCK_TIMEOUT)) {
            LcovData data = new LcovData();
            if (Files.exists(lcov())) {
                data.read(Files.readString(lcov(), StandardCharsets.UTF_8));
            }
            data.add(batch);
            replace(lcov(), data.lcov());
            replace(cobertura(), CoberturaReport.xml(data, System.currentTimeMillis()));
        } catch (IOException | RuntimeException | TimeoutException e) {
            LOG.log(Level.WARNING, "Coverage of guest runs is not in " + directory + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "Interrupted, so coverage of guest runs is not in " + directory);
        }
    }

    /**
     * Writes a file whole and moves it into place, so that readers see the old file or the new. Not forced to disk
     * (as the cache's files are): a crash of the machine may lose a report, never a cache entry. Called with the lock
     * held, so a temporary file a dead JVM left is simply replaced.
     */
    private static void replace(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Called holding the monitor. */
    private void hookAtExit() {
        if (!hooked) {
            try {
                Runtime.getRuntime().addShutdownHook(atExit);
                hooked = true;
            } catch (IllegalStateException exiting) {
                // the JVM is exiting: the writer, a daemon, goes on while other hooks run
            }
        }
    }

    /** Called holding the monitor. */
    private void unhookAtExit() {
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(atExit);
                hooked = false;
            } catch (IllegalStateException exiting) {
                // the hook is running or about to: it finds nothing to wait for
            }
        }
    }
}
