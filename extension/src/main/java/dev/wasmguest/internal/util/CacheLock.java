package dev.wasmguest.internal.util;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * An exclusive lock on a file in the cache, held by one thread of one JVM at a time: how threads and JVMs that share a
 * cache directory agree that only one of them downloads a URL or compiles a module. Other JVMs hold an OS file lock;
 * other threads of this JVM see {@link OverlappingFileLockException}. Both are waited out by polling, so the wait is
 * bounded. The OS releases the lock of a JVM that dies. Lock files are left in place: deleting them would race with
 * JVMs about to lock them.
 */
@API(status = INTERNAL, since = "0.1")
public final class CacheLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws TimeoutException when another holder keeps the lock longer than {@code timeout}
     */
    public static CacheLock acquire(Path file, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 5;
        try {
            Files.createDirectories(file.getParent());
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        return new CacheLock(channel, lock);
                    }
                } catch (OverlappingFileLockException heldByAnotherThreadOfThisJvm) {
                    // wait below, like for another JVM
                }
                channel.close();
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException("another thread or JVM held the cache lock " + file + " for more than "
                            + Durations.describe(timeout));
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + " in the wasmguest cache", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
