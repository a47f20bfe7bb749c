package dev.wasmguest.internal.wasip2;

import dev.wasmguest.internal.component.CaseValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** {@code wasi:io/streams}: the guest's standard streams, as resources it holds by handle. */
final class Streams {

    /** How much a guest may write at once: {@code check-write}'s answer. */
    static final long WRITE_BUDGET = 1 << 20;

    /** The most one read gives. */
    private static final int MAX_READ = 1 << 20;

    private Streams() {}

    /** An output stream the guest writes to: what it writes is passed on as it writes it. */
    record Output(String name, OutputStream target) {}

    /** An input stream the guest reads from. */
    record Input(String name, InputStream source) {}

    /** An error a stream operation failed with, for {@code to-debug-string}. */
    record Error(String message) {}

    static Object checkWrite(List<Object> args) {
        return CaseValue.ok(WRITE_BUDGET);
    }

    static Object write(List<Object> args) {
        Output output = (Output) args.get(0);
        byte[] bytes = (byte[]) args.get(1);
        if (bytes.length > WRITE_BUDGET) {
            return failed("write of " + bytes.length + " bytes, more than check-write allowed");
        }
        try {
            output.target().write(bytes);
            return CaseValue.ok(null);
        } catch (IOException e) {
            return failed(output.name() + ": " + e.getMessage());
        }
    }

    static Object writeZeroes(List<Object> args) {
        long count = (Long) args.get(1);
        if (count < 0 || count > WRITE_BUDGET) {
            return failed("write of " + Long.toUnsignedString(count) + " zeroes, more than check-write allowed");
        }
        return write(List.of(args.get(0), new byte[(int) count]));
    }

    static Object flush(List<Object> args) {
        Output output = (Output) args.get(0);
        try {
            output.target().flush();
            return CaseValue.ok(null);
        } catch (IOException e) {
            return failed(output.name() + ": " + e.getMessage());
        }
    }

    static Object read(List<Object> args) {
        Input input = (Input) args.get(0);
        long wanted = (Long) args.get(1);
        int length = Long.compareUnsigned(wanted, MAX_READ) > 0 ? MAX_READ : (int) wanted;
        try {
            byte[] buffer = new byte[length];
            int read = length == 0 ? 0 : input.source().read(buffer);
            if (read < 0) {
                return CaseValue.error(CLOSED);
            }
            return CaseValue.ok(read == length ? buffer : java.util.Arrays.copyOf(buffer, read));
        } catch (IOException e) {
            return failed(input.name() + ": " + e.getMessage());
        }
    }

    static Object skip(List<Object> args) {
        Object read = read(args);
        CaseValue result = (CaseValue) read;
        return result.index() == 0 ? CaseValue.ok((long) ((byte[]) result.value()).length) : result;
    }

    /** {@code splice}: what the source stream gives, written to the output stream. */
    static Object splice(List<Object> args) {
        CaseValue read = (CaseValue) read(List.of(args.get(1), args.get(2)));
        if (read.index() != 0) {
            return read;
        }
        byte[] bytes = (byte[]) read.value();
        CaseValue written = (CaseValue) write(List.of(args.get(0), bytes));
        return written.index() == 0 ? CaseValue.ok((long) bytes.length) : written;
    }

    /** The {@code closed} case of {@code stream-error}. */
    private static final CaseValue CLOSED = new CaseValue(1, null);

    private static CaseValue failed(String message) {
        return CaseValue.error(new CaseValue(0, new Error(message)));
    }
}
