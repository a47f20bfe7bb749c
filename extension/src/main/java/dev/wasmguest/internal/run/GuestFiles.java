package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.dylibso.chicory.wasi.WasiOptions;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The directories of one run, in a private in-memory file system. Host directories are copied in (regular files
 * and directories only: a symlink could point out of the directory, and Chicory follows symlinks on the host),
 * and read-write ones copied back after the run. Whatever the guest does with paths, {@code ..} or symlinks, it
 * can only reach this file system. It outlives the run, so the test can read the files afterwards.
 */
@API(status = INTERNAL, since = "0.1")
public final class GuestFiles {

    private final FileSystem fileSystem;
    private final List<Mount> mounts;

    private GuestFiles(FileSystem fileSystem, List<Mount> mounts) {
        this.fileSystem = fileSystem;
        this.mounts = mounts;
    }

    static Optional<GuestFiles> prepare(List<Mount> mounts) {
        if (mounts.isEmpty()) {
            return Optional.empty();
        }
        // Chicory's WASI reads "unix:*" attributes (inode, link count, times); Jimfs offers that view only on request.
        FileSystem fileSystem = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .build());
        for (Mount mount : mounts) {
            Path inside = fileSystem.getPath(mount.location());
            try {
                Files.createDirectories(inside);
                if (!mount.temporaryDirectory()) {
                    copyTree(mount.hostPath(), inside, mount.hideCleanupFiles());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot prepare directory " + mount.guestPath() + " from " + mount.hostPath()
                                + " for the guest",
                        e);
            }
        }
        return Optional.of(new GuestFiles(fileSystem, mounts));
    }

    void grant(WasiOptions.Builder options) {
        for (Mount mount : mounts) {
            options.withDirectory(mount.guestPath(), fileSystem.getPath(mount.location()));
        }
    }

    /** Copies the guest's files of read-write directories back to the host. */
    void writeBack() {
        for (Mount mount : mounts) {
            if (mount.writeBack()) {
                try {
                    copyTree(fileSystem.getPath(mount.location()), mount.hostPath(), false);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot copy the guest's files of " + mount.guestPath() + " back to " + mount.hostPath(),
                            e);
                }
            }
        }
    }

    /** The file at an absolute guest path, in the guest's file system; it may not exist. */
    public Path file(String guestPath) {
        return fileSystem.getPath(guestPath.startsWith("/") ? guestPath : "/" + guestPath);
    }

    private static void copyTree(Path from, Path to, boolean hideCleanupFiles) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IOException(from + " is not a directory");
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(target(dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                boolean hidden =
                        hideCleanupFiles && file.getFileName().toString().endsWith(".cleanup");
                if (attributes.isRegularFile() && !hidden) { // symlinks and special files are never copied
                    Files.copy(file, target(file), StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }

            private Path target(Path path) {
                Path relative = from.relativize(path);
                Path target = to;
                for (Path part : relative) {
                    target = target.resolve(part.toString());
                }
                return target;
            }
        });
    }
}
