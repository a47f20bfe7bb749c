package dev.wasmguest.internal.run;

import dev.wasmguest.internal.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Brings one read-write directory back to the host after a run, as the guest left it: what the guest deleted (or
 * renamed away, or replaced by another kind of entry) is deleted first, deepest first; then new and changed
 * directories, files and symlinks are made, parents first. A file replaces the host's atomically ({@link AtomicFiles}),
 * so a reader sees the old or the new content, never a half. Only entries that were copied
 * in are ever deleted, and nothing is written below a host symlink. Each failure is named and the rest goes on.
 */
final class WriteBack {

    private final Mount mount;
    private final Path guestRoot;
    private final Map<String, TreeEntry> before;
    private final List<String> problems = new ArrayList<>();

    WriteBack(Mount mount, Path guestRoot, Map<String, TreeEntry> before) {
        this.mount = mount;
        this.guestRoot = guestRoot;
        this.before = before;
    }

    /** @return what could not be brought back; empty when everything was */
    List<String> run() {
        Map<String, TreeEntry> after;
        try {
            after = DirectoryTree.read(guestRoot);
        } catch (IOException e) {
            return List.of("cannot read the guest's " + mount.guestPath() + ": " + e);
        }
        before.keySet().stream()
                .filter(relative -> !before.get(relative).sameKind(after.get(relative)))
                .sorted(Comparator.comparingInt(WriteBack::depth).reversed())
                .forEach(this::delete);
        after.forEach((relative, entry) -> {
            if (!entry.sameAs(before.get(relative))) {
                make(relative, entry);
            }
        });
        return problems;
    }

    private void delete(String relative) {
        Path host = host(relative);
        try {
            if (belowHostSymlink(relative)) {
                return; // the link itself is deleted or kept on its own account; never delete through it
            }
            Files.deleteIfExists(host);
        } catch (DirectoryNotEmptyException e) {
            problems.add(problem(relative, "the guest deleted it, but on the host it holds files the guest never saw"));
        } catch (IOException e) {
            problems.add(problem(relative, "cannot delete it: " + e));
        }
    }

    private void make(String relative, TreeEntry entry) {
        Path host = host(relative);
        try {
            if (belowHostSymlink(relative)) {
                problems.add(problem(relative, "a directory above it is a symbolic link on the host; not followed"));
                return;
            }
            switch (entry.kind()) {
                case DIRECTORY -> {
                    if (!Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectory(host);
                    }
                }
                case FILE -> AtomicFiles.write(host, Files.readAllBytes(DirectoryTree.resolve(guestRoot, relative)));
                case SYMLINK -> {
                    Files.deleteIfExists(host);
                    Files.createSymbolicLink(host, host.getFileSystem().getPath(entry.linkTarget()));
                }
            }
        } catch (IOException e) {
            problems.add(problem(relative, "cannot write it: " + e));
        }
    }

    /** Whether a directory between the mount's root and {@code relative} is a symlink on the host. */
    private boolean belowHostSymlink(String relative) {
        Path path = mount.hostPath();
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            path = path.resolve(parts[i]);
            if (Files.isSymbolicLink(path)) {
                return true;
            }
        }
        return false;
    }

    private Path host(String relative) {
        return DirectoryTree.resolve(mount.hostPath(), relative);
    }

    private String problem(String relative, String what) {
        return mount.guestPath() + "/" + relative + " (host " + host(relative) + "): " + what;
    }

    private static int depth(String relative) {
        return relative.split("/").length;
    }
}
