package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.wasip2.WasiHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import run.endive.wasi.WasiOptions;

/**
 * The directories of one run, in a private in-memory file system. Host directories are copied in (directories,
 * regular files and symlinks, which stay symlinks: whatever they point at, they resolve inside this file system, so
 * no path a guest uses, with {@code ..} or symlinks, reaches the host), and read-write ones are brought back after
 * the run: new and changed files, deletions and renames. It outlives the run, so the test can read the files
 * afterwards.
 */
@API(status = INTERNAL, since = "0.1")
public final class GuestFiles {

    /** After stdin, stdout and stderr. */
    private static final int FIRST_PREOPEN = 3;

    private final FileSystem fileSystem;
    private final List<Mount> mounts;
    /** For each read-write mount, its tree as copied in: what the write-back compares the guest's tree with. */
    private final Map<Mount, Map<String, TreeEntry>> copiedIn;

    private GuestFiles(FileSystem fileSystem, List<Mount> mounts, Map<Mount, Map<String, TreeEntry>> copiedIn) {
        this.fileSystem = fileSystem;
        this.mounts = mounts;
        this.copiedIn = copiedIn;
    }

    /**
     * Copies the mounted host directories into a new private file system.
     *
     * @param maxBytes the most bytes of files the host directories may hold together
     * @throws IllegalArgumentException when they hold more, naming the directory, its size and the setting
     * @throws UncheckedIOException when a host directory cannot be read
     */
    static Optional<GuestFiles> prepare(List<Mount> mounts, long maxBytes) {
        if (mounts.isEmpty()) {
            return Optional.empty();
        }
        checkSize(mounts, maxBytes);
        // Endive's WASI reads "unix:*" attributes (inode, link count, times); Jimfs offers that view only on request.
        FileSystem fileSystem = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .build());
        Map<Mount, Map<String, TreeEntry>> copiedIn = new HashMap<>();
        for (Mount mount : mounts) {
            Path inside = fileSystem.getPath(mount.location());
            try {
                Files.createDirectories(inside);
                if (!mount.temporaryDirectory()) {
                    DirectoryTree.copy(mount.hostPath(), inside, mount.hideCleanupFiles());
                }
                if (mount.writeBack()) {
                    // Read from the copy, as the write-back reads the guest's tree: the two compare alike.
                    copiedIn.put(mount, DirectoryTree.read(inside));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot prepare directory " + mount.guestPath() + " from " + mount.hostPath()
                                + " for the guest",
                        e);
            }
        }
        return Optional.of(new GuestFiles(fileSystem, mounts, copiedIn));
    }

    private static void checkSize(List<Mount> mounts, long maxBytes) {
        long total = 0;
        for (Mount mount : mounts) {
            if (mount.temporaryDirectory()) {
                continue;
            }
            long size;
            try {
                size = DirectoryTree.bytesUpTo(mount.hostPath(), maxBytes - total);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read directory " + mount.hostPath() + " for the guest", e);
            }
            total += size;
            if (total > maxBytes) {
                throw new IllegalArgumentException("cannot mount " + mount.hostPath() + " as " + mount.guestPath()
                        + ": it holds at least " + mebibytes(size) + " of files, and the directories of one run may"
                        + " hold " + mebibytes(maxBytes) + " together (" + WasmGuestSetting.MOUNT_MAX_BYTES.key()
                        + ") since the guest works on an in-memory copy of them; mount a smaller directory, or raise "
                        + WasmGuestSetting.MOUNT_MAX_BYTES.key() + " (and the JVM's heap)");
            }
        }
    }

    private static String mebibytes(long bytes) {
        return bytes < 1024 * 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    void grant(WasiOptions.Builder options) {
        for (Mount mount : mounts) {
            options.withDirectory(mount.guestPath(), fileSystem.getPath(mount.location()));
        }
    }

    /** The directories as a component's WASI 0.2 host grants them, in the order the mounts were given. */
    List<WasiHost.Preopen> preopens() {
        return mounts.stream()
                .map(mount ->
                        new WasiHost.Preopen(mount.guestPath(), fileSystem.getPath(mount.location()), mount.readOnly()))
                .toList();
    }

    /** Where each preopened directory is in the run's file system, by the descriptor the guest finds it at. */
    Map<Integer, Path> preopenedDirectories() {
        Map<Integer, Path> directories = new HashMap<>();
        mountsByDescriptor().forEach((fd, mount) -> directories.put(fd, fileSystem.getPath(mount.location())));
        return directories;
    }

    /** The file descriptors the guest finds its read-only directories at. */
    Set<Integer> readOnlyDescriptors() {
        Set<Integer> descriptors = new HashSet<>();
        mountsByDescriptor().forEach((fd, mount) -> {
            if (mount.readOnly()) {
                descriptors.add(fd);
            }
        });
        return descriptors;
    }

    /** The mounts by descriptor: Endive gives the preopened directories 3, 4, ... in the order {@link #grant} grants them. */
    private Map<Integer, Mount> mountsByDescriptor() {
        Map<Integer, Mount> preopens = new HashMap<>();
        for (int i = 0; i < mounts.size(); i++) {
            preopens.put(FIRST_PREOPEN + i, mounts.get(i));
        }
        return preopens;
    }

    /**
     * Brings the guest's changes to read-write directories back to the host: each new or changed file replaces the
     * host's atomically, and what the guest deleted or renamed away is deleted. Never writes through a host symlink.
     *
     * @return what could not be brought back, each naming the file; empty when everything was
     */
    List<String> writeBack() {
        List<String> problems = new ArrayList<>();
        for (Mount mount : mounts) {
            if (mount.writeBack()) {
                problems.addAll(new WriteBack(mount, fileSystem.getPath(mount.location()), copiedIn.get(mount)).run());
            }
        }
        return problems;
    }

    /** The guest's file system, its directories at their guest paths. */
    FileSystem fileSystem() {
        return fileSystem;
    }
}
