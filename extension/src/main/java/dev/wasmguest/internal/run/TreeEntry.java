package dev.wasmguest.internal.run;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of a directory tree as the write-back compares it: its kind, and what it holds (a file's SHA-256, a
 * symlink's target), so that unchanged files are left alone.
 */
record TreeEntry(Kind kind, byte[] digest, String linkTarget) {

    enum Kind {
        DIRECTORY,
        FILE,
        SYMLINK
    }

    static TreeEntry directory() {
        return new TreeEntry(Kind.DIRECTORY, null, null);
    }

    static TreeEntry file(byte[] digest) {
        return new TreeEntry(Kind.FILE, digest, null);
    }

    static TreeEntry symlink(String target) {
        return new TreeEntry(Kind.SYMLINK, null, target);
    }

    /** Whether {@code other} is an entry of the same kind. */
    boolean sameKind(TreeEntry other) {
        return other != null && kind == other.kind;
    }

    /** Whether {@code other} is the same kind of entry with the same content. */
    boolean sameAs(TreeEntry other) {
        return sameKind(other) && Arrays.equals(digest, other.digest) && Objects.equals(linkTarget, other.linkTarget);
    }
}
