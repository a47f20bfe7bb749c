package dev.wasmguest.internal.wasi;

/**
 * The WASI preview 1 error numbers ({@code errno}) that the corrections answer, and the answers host functions give:
 * one {@code long}, the errno.
 */
enum Errno {
    SUCCESS(0),
    EXIST(20),
    INVAL(28),
    IO(29),
    LOOP(32),
    NOENT(44),
    PERM(63),
    NOTCAPABLE(76);

    private final long value;

    Errno(long value) {
        this.value = value;
    }

    /** A host function's answer: this errno alone. */
    long[] answer() {
        return answer(value);
    }

    /** A host function's answer: the errno {@code value} alone, as Endive's own WASI methods return it. */
    static long[] answer(long value) {
        return new long[] {value};
    }

    /** Whether a host function's answer says it succeeded. */
    static boolean succeeded(long[] answer) {
        return answer[0] == SUCCESS.value;
    }
}
