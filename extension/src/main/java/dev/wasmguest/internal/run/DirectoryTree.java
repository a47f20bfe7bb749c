package dev.wasmguest.internal.run;

import dev.wasmguest.internal.util.Sha256;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and copies directory trees between the host and a run's private file system without following symlinks:
 * directories, regular files and symlinks (as symlinks); other special files are left out. Relative paths use
 * {@code /}, whatever the file systems' separators.
 */
final class DirectoryTree {

    private DirectoryTree() {}

    /** The entries below {@code root}, parents before children, by relative path. */
    static Map<String, TreeEntry> read(Path root) throws IOException {
        Map<String, TreeEntry> entries = new LinkedHashMap<>();
        walk(
                root,
                false,
                (relative, path, kind) -> entries.put(
                        relative, entry(path, kind, kind == TreeEntry.Kind.FILE ? Files.readAllBytes(path) : null)));
        return entries;
    }

    /**
     * Copies the tree below {@code from} into {@code to}.
     *
     * @param hideCleanupFiles leave out files named {@code *.cleanup} (leftovers of other runtimes in conformance
     *        suites)
     */
    static void copy(Path from, Path to, boolean hideCleanupFiles) throws IOException {
        walk(from, hideCleanupFiles, (relative, path, kind) -> {
            Path target = resolve(to, relative);
            switch (kind) {
                case DIRECTORY -> Files.createDirectories(target);
                case FILE -> Files.write(target, Files.readAllBytes(path));
                case SYMLINK ->
                    Files.createSymbolicLink(
                            target,
                            target.getFileSystem()
                                    .getPath(Files.readSymbolicLink(path).toString()));
            }
        });
    }

    private static TreeEntry entry(Path path, TreeEntry.Kind kind, byte[] bytes) throws IOException {
        return switch (kind) {
            case DIRECTORY -> TreeEntry.directory();
            case FILE -> TreeEntry.file(Sha256.digest().digest(bytes));
            case SYMLINK -> TreeEntry.symlink(Files.readSymbolicLink(path).toString());
        };
    }

    private interface EntryVisitor {
        void visit(String relative, Path path, TreeEntry.Kind kind) throws IOException;
    }

    private static void walk(Path root, boolean hideCleanupFiles, EntryVisitor visitor) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a directory");
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root)) {
                    visitor.visit(relative(root, dir), dir, TreeEntry.Kind.DIRECTORY);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isSymbolicLink()) {
                    visitor.visit(relative(root, file), file, TreeEntry.Kind.SYMLINK);
                } else if (attributes.isRegularFile()
                        && !(hideCleanupFiles && file.getFileName().toString().endsWith(".cleanup"))) {
                    visitor.visit(relative(root, file), file, TreeEntry.Kind.FILE);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The bytes of regular files below {@code root}, counted until they exceed {@code limit}. */
    static long bytesUpTo(Path root, long limit) throws IOException {
        long[] total = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    total[0] += attributes.size();
                }
                return total[0] > limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /** {@code relative}, a {@code /}-separated path, below {@code root} in {@code root}'s file system. */
    static Path resolve(Path root, String relative) {
        Path path = root;
        for (String part : relative.split("/")) {
            path = path.resolve(part);
        }
        return path;
    }

    static String relative(Path root, Path path) {
        StringBuilder relative = new StringBuilder();
        for (Path part : root.relativize(path)) {
            if (relative.length() > 0) {
                relative.append('/');
            }
            relative.append(part);
        }
        return relative.toString();
    }
}
