package dev.wasmguest.internal.wasip2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a guest's path below a directory descriptor as wasmtime does (through cap-std): name by name, following
 * symlinks itself, so that neither {@code ..} nor a symlink (absolute, or relative and climbing) leads out of the
 * descriptor's directory, even to elsewhere in its preopened directory; such a path is {@code not-permitted}, and
 * no host path is ever reached, the run's file system being a private copy.
 */
final class PathWalk {

    /** As Linux's limit on symlinks followed in one path. */
    private static final int MAX_LINKS = 40;

    private PathWalk() {}

    /** A path that the walk refuses, and the code it is refused with. */
    static final class Refused extends RuntimeException {

        final ErrorCode code;

        Refused(ErrorCode code) {
            super(code.name(), null, false, false);
            this.code = code;
        }
    }

    /**
     * The names from the root to what {@code path} leads to below {@code directory}, without symlinks but perhaps
     * the last. A path that ends with a slash names a directory: its last symlink is followed, and what is there
     * must be a directory, if anything is.
     *
     * @param followLast whether a symlink at the end is followed too
     * @throws Refused when the path is absolute, has a NUL, leaves the preopened directory, goes through too many
     *         symlinks, or ends with a slash after something that is not a directory
     */
    static List<String> resolve(Descriptor directory, String path, boolean followLast) throws IOException {
        if (path.indexOf('\0') >= 0) {
            throw new Refused(ErrorCode.ILLEGAL_BYTE_SEQUENCE); // no file name can hold one
        }
        boolean slashed = path.endsWith("/");
        List<String> names = walk(directory, path, followLast || slashed);
        Path there = directory.at(names, false, 0).path();
        if (slashed && Files.exists(there, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(there)) {
            throw new Refused(ErrorCode.NOT_DIRECTORY);
        }
        return names;
    }

    private static List<String> walk(Descriptor directory, String path, boolean followLast) throws IOException {
        if (!directory.directory()) {
            throw new Refused(ErrorCode.NOT_DIRECTORY);
        }
        if (path.isEmpty()) {
            throw new Refused(ErrorCode.NO_ENTRY);
        }
        if (path.startsWith("/")) {
            throw new Refused(ErrorCode.NOT_PERMITTED);
        }
        List<String> names = new ArrayList<>(directory.names());
        int floor = names.size(); // the directory itself is the sandbox: no path through it leads above it
        Deque<String> left = new ArrayDeque<>(split(path));
        int links = 0;
        while (!left.isEmpty()) {
            String name = left.removeFirst();
            if (name.equals("..")) {
                if (names.size() == floor) {
                    throw new Refused(ErrorCode.NOT_PERMITTED);
                }
                names.remove(names.size() - 1);
                continue;
            }
            Path next = directory.at(names, true, 0).path().resolve(name);
            if (Files.isSymbolicLink(next) && (!left.isEmpty() || followLast)) {
                if (++links > MAX_LINKS) {
                    throw new Refused(ErrorCode.LOOP);
                }
                String target = Files.readSymbolicLink(next).toString();
                if (target.startsWith("/")) {
                    throw new Refused(ErrorCode.NOT_PERMITTED);
                }
                List<String> targetNames = split(target);
                for (int i = targetNames.size() - 1; i >= 0; i--) {
                    left.addFirst(targetNames.get(i));
                }
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static List<String> split(String path) {
        List<String> names = new ArrayList<>();
        for (String name : path.split("/")) {
            if (!name.isEmpty() && !name.equals(".")) {
                names.add(name);
            }
        }
        return names;
    }
}
