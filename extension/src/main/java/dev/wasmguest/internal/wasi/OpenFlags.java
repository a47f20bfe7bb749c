package dev.wasmguest.internal.wasi;

/** The bits of {@code path_open}'s {@code oflags} that the corrections read. */
final class OpenFlags {

    static final int CREAT = 1;
    static final int TRUNC = 8;

    private OpenFlags() {}

    /** Whether {@code oflags} create or truncate a file: change it by opening it. */
    static boolean change(long oflags) {
        return (oflags & (CREAT | TRUNC)) != 0;
    }
}
