package dev.wasmguest.internal.wasip2;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code wasi:filesystem} descriptor: a directory or file of the run's private file system, held by the guest as a
 * handle. It knows the preopened directory it was reached from, which no path through it may leave.
 *
 * @param root the preopened directory, in the run's file system
 * @param names the path from the root, one name each, with no {@code .}, {@code ..} or symlink in it
 * @param directory whether it is a directory
 * @param flags its {@code descriptor-flags}
 * @param readOnly whether it is inside a read-only directory, where every change is refused
 */
record Descriptor(Path root, List<String> names, boolean directory, int flags, boolean readOnly) {

    static final int READ = 1;
    static final int WRITE = 1 << 1;
    static final int MUTATE_DIRECTORY = 1 << 5;

    Descriptor {
        names = List.copyOf(names);
    }

    /** A preopened directory: readable, and changeable unless it is read-only. */
    static Descriptor preopen(Path root, boolean readOnly) {
        return new Descriptor(root, List.of(), true, READ | (readOnly ? 0 : MUTATE_DIRECTORY), readOnly);
    }

    /** Where it is in the run's file system. */
    Path path() {
        Path path = root;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    /** What is at {@code names} below the same root, opened with {@code flags}. */
    Descriptor at(List<String> names, boolean directory, int flags) {
        return new Descriptor(root, names, directory, flags, readOnly);
    }
}
