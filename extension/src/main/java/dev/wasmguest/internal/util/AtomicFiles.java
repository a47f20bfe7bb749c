package dev.wasmguest.internal.util;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apiguardian.api.API;

/**
 * Writes files so that readers, in this JVM or another, see either the old file or the whole new one: the bytes go
 * to a temporary file beside the target, are forced to disk, and the temporary file is renamed into place.
 *
 * <p>A writer holds an OS lock on its temporary file from the moment it exists until it is renamed. The OS releases
 * the lock of a process that dies, even of one killed with SIGKILL, so {@link #removeAbandoned} can tell the
 * temporary files of writers that are gone from those of writers still at work, in any JVM sharing the directory,
 * with no clock and no process ids.
 */
@API(status = INTERNAL, since = "0.1")
public final class AtomicFiles {

    private static final System.Logger LOG = System.getLogger(AtomicFiles.class.getName());
    private static final String TEMP_SUFFIX = ".wasmguest.tmp";

    private AtomicFiles() {}

    /** Writes {@code bytes} to {@code target}, creating its directory; no temporary file is left behind. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, new ByteArrayInputStream(bytes));
    }

    /**
     * Writes what {@code content} holds to {@code target}, creating its directory. Until {@code content} ends,
     * {@code target} is untouched; a writer that fails or dies leaves its temporary file, never a part of a file at
     * {@code target}.
     */
    public static void write(Path target, InputStream content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        while (true) {
            Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                if (!lockedBeforeRemoved(channel, temp)) {
                    continue; // removeAbandoned took it between its creation and our lock: start again
                }
                try {
                    OutputStream out = Channels.newOutputStream(channel);
                    content.transferTo(out);
                    out.flush();
                    channel.force(true);
                    moveIntoPlace(temp, target);
                    return;
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    /**
     * Removes the temporary files in {@code directory} that writers left when they failed or their JVM died; those
     * of writers still at work, here or in another JVM, stay. Never throws: what cannot be removed now is tried again
     * next time.
     */
    public static void removeAbandoned(Path directory) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(directory, ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                removeIfAbandoned(temp);
            }
        } catch (NoSuchFileException nothingWrittenThereYet) {
            // nothing to remove
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not list " + directory + " for abandoned temporary files", e);
        }
    }

    private static void removeIfAbandoned(Path temp) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                // No writer holds it, and none can start to while we hold the lock: see lockedBeforeRemoved.
                Files.deleteIfExists(temp);
                LOG.log(Level.DEBUG, () -> "removed " + temp + ", left by a writer that failed or died");
            }
        } catch (OverlappingFileLockException writerInThisJvm) {
            // still being written
        } catch (NoSuchFileException renamedOrRemovedMeanwhile) {
            // gone already
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not remove abandoned temporary file " + temp, e);
        }
    }

    /**
     * Locks a temporary file just created; false when it was removed before the lock was ours, which only {@link
     * #removeAbandoned} does, and only while holding the lock itself.
     */
    private static boolean lockedBeforeRemoved(FileChannel channel, Path temp) throws IOException {
        try {
            channel.lock();
        } catch (OverlappingFileLockException removerInThisJvm) {
            return false;
        }
        return Files.exists(temp);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
