package dev.wasmguest.internal.wasi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import run.endive.runtime.HostFunction;
import run.endive.runtime.Instance;
import run.endive.runtime.WasmFunctionHandle;

/**
 * Keeps the {@code APPEND} and {@code NONBLOCK} flags of files the guest opens on our side, where Endive 1.0.0 gets
 * them wrong: opening with {@code APPEND} drops the read right there, {@code APPEND} with {@code O_TRUNC} is refused
 * ({@code NOTSUP}), and {@code fd_fdstat_set_flags} refuses any change ({@code NOTSUP}). Here files are opened
 * without {@code APPEND}, which keeps every right and allows truncation; {@code fd_fdstat_set_flags} sets or clears
 * both flags, as wasmtime does; {@code fd_fdstat_get} reports them; and every {@code fd_write} to a file in append
 * mode first moves to its end. One instance per run.
 */
@API(status = INTERNAL, since = "0.1")
public final class FdFlags {

    private static final int APPEND = 1;
    private static final int DSYNC = 2;
    private static final int NONBLOCK = 4;
    private static final int RSYNC = 8;
    private static final int SYNC = 16;
    /** The flags kept here; the others stay Endive's. */
    private static final int KEPT = APPEND | NONBLOCK;

    private static final int WHENCE_END = 2;
    private static final int FDSTAT_FLAGS_OFFSET = 2;

    /** The kept flags of each file opened through {@code path_open}, by descriptor. */
    private final DescriptorMap<Integer> files = new DescriptorMap<>();

    public HostFunction[] apply(HostFunction[] functions) {
        Map<String, UnaryOperator<WasmFunctionHandle>> replacements = new HashMap<>(files.following());
        replacements.put("path_open", open -> (instance, args) -> pathOpen(open, instance, args));
        replacements.put("fd_write", write -> (instance, args) -> fdWrite(write, functions, instance, args));
        replacements.put("fd_fdstat_get", get -> (instance, args) -> fdstatGet(get, instance, args));
        replacements.put("fd_fdstat_set_flags", set -> (instance, args) -> fdstatSetFlags(set, instance, args));
        return HostFunctions.replaced(functions, replacements);
    }

    /** path_open(dirfd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_out). */
    private long[] pathOpen(WasmFunctionHandle original, Instance instance, long... args) {
        int fdFlags = (int) args[7];
        long[] withoutAppend = args.clone();
        withoutAppend[7] = fdFlags & ~APPEND;
        long[] result = original.apply(instance, withoutAppend);
        if (Errno.succeeded(result)) {
            files.put(instance.memory().readInt((int) args[8]), fdFlags & KEPT);
        }
        return result;
    }

    /** fd_write(fd, iovs, iovs_len, nwritten): for files in append mode, seek to the end first. */
    private long[] fdWrite(WasmFunctionHandle original, HostFunction[] functions, Instance instance, long... args) {
        int fd = (int) args[0];
        Integer kept = files.get(fd);
        if (kept != null && (kept & APPEND) != 0) {
            // fd_seek(fd, offset, whence, newoffset) needs 8 bytes of guest memory for its result: borrow them at
            // the count fd_write will write, and put back what they held, since only 4 of them are that count.
            // The count's 4 bytes may end the memory: then borrow the 8 that end there.
            int scratch = (int) Math.min(args[3], instance.memory().pages() * 65536L - 8);
            long saved = instance.memory().readLong(scratch);
            long[] seek = HostFunctions.handle(functions, "fd_seek").apply(instance, fd, 0, WHENCE_END, scratch);
            instance.memory().writeLong(scratch, saved);
            if (!Errno.succeeded(seek)) {
                return seek;
            }
        }
        return original.apply(instance, args);
    }

    /** fd_fdstat_get(fd, buf): report the kept flags of a file. */
    private long[] fdstatGet(WasmFunctionHandle original, Instance instance, long... args) {
        long[] result = original.apply(instance, args);
        Integer kept = files.get(args[0]);
        if (Errno.succeeded(result) && kept != null) {
            int address = (int) args[1] + FDSTAT_FLAGS_OFFSET;
            short flags = instance.memory().readShort(address);
            instance.memory().writeShort(address, (short) ((flags & ~KEPT) | kept));
        }
        return result;
    }

    /**
     * fd_fdstat_set_flags(fd, flags): for a file, sets or clears {@code APPEND} and {@code NONBLOCK}, the flags that
     * may change; the synchronous-I/O flags cannot change after opening ({@code INVAL}). Other descriptors are
     * Endive's.
     */
    private long[] fdstatSetFlags(WasmFunctionHandle original, Instance instance, long... args) {
        int fd = (int) args[0];
        int flags = (int) args[1];
        if (!files.contains(fd)) {
            return original.apply(instance, args);
        }
        if ((flags & (DSYNC | RSYNC | SYNC)) != 0) {
            return Errno.INVAL.answer();
        }
        files.put(fd, flags & KEPT);
        return Errno.SUCCESS.answer();
    }
}
