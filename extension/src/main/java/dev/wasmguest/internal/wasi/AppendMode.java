package dev.wasmguest.internal.wasi;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Corrects Chicory 1.7.5's {@code O_APPEND}: there, opening with {@code FDFLAGS_APPEND} drops the read right, and
 * {@code APPEND} with {@code O_TRUNC} is refused ({@code NOTSUP}). Here such files are opened without the flag,
 * which keeps every right and allows truncation, and append mode is done on our side: every {@code fd_write} to
 * them first moves to the end, and {@code fd_fdstat_get} reports the flag. One instance per run.
 */
@API(status = INTERNAL, since = "0.1")
public final class AppendMode {

    private static final int FDFLAGS_APPEND = 1;
    private static final int WHENCE_END = 2;
    private static final int FDSTAT_FLAGS_OFFSET = 2;
    private static final int ERRNO_SUCCESS = 0;

    private final Set<Integer> appending = ConcurrentHashMap.newKeySet();

    public HostFunction[] apply(HostFunction[] functions) {
        HostFunction[] replaced = functions.clone();
        for (int i = 0; i < replaced.length; i++) {
            HostFunction original = replaced[i];
            WasmFunctionHandle handle = original.handle();
            WasmFunctionHandle corrected;
            switch (original.name()) {
                case "path_open":
                    corrected = (instance, args) -> pathOpen(handle, instance, args);
                    break;
                case "fd_write":
                    corrected = (instance, args) -> fdWrite(handle, functions, instance, args);
                    break;
                case "fd_fdstat_get":
                    corrected = (instance, args) -> fdstatGet(handle, instance, args);
                    break;
                case "fd_close":
                    corrected = (instance, args) -> {
                        appending.remove((int) args[0]);
                        return handle.apply(instance, args);
                    };
                    break;
                case "fd_renumber":
                    corrected = (instance, args) -> renumber(handle, instance, args);
                    break;
                default:
                    continue;
            }
            replaced[i] = new HostFunction(original.module(), original.name(), original.functionType(), corrected);
        }
        return replaced;
    }

    /** path_open(dirfd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_out). */
    private long[] pathOpen(WasmFunctionHandle original, Instance instance, long... args) {
        int fdFlags = (int) args[7];
        if ((fdFlags & FDFLAGS_APPEND) == 0) {
            return original.apply(instance, args);
        }
        long[] withoutAppend = args.clone();
        withoutAppend[7] = fdFlags & ~FDFLAGS_APPEND;
        long[] result = original.apply(instance, withoutAppend);
        if (result[0] == ERRNO_SUCCESS) {
            appending.add(instance.memory().readInt((int) args[8]));
        }
        return result;
    }

    /** fd_write(fd, iovs, iovs_len, nwritten): for append-mode files, seek to the end first. */
    private long[] fdWrite(WasmFunctionHandle original, HostFunction[] functions, Instance instance, long... args) {
        int fd = (int) args[0];
        if (appending.contains(fd)) {
            // fd_seek(fd, offset, whence, newoffset) needs 8 bytes of guest memory for its result: borrow them at
            // the count fd_write will write, and put back what they held, since only 4 of them are that count.
            // The count's 4 bytes may end the memory: then borrow the 8 that end there.
            int scratch = (int) Math.min(args[3], instance.memory().pages() * 65536L - 8);
            long saved = instance.memory().readLong(scratch);
            long[] seek = handle(functions, "fd_seek").apply(instance, fd, 0, WHENCE_END, scratch);
            instance.memory().writeLong(scratch, saved);
            if (seek[0] != ERRNO_SUCCESS) {
                return seek;
            }
        }
        return original.apply(instance, args);
    }

    /** fd_fdstat_get(fd, buf): report the append flag that the file was opened with. */
    private long[] fdstatGet(WasmFunctionHandle original, Instance instance, long... args) {
        long[] result = original.apply(instance, args);
        if (result[0] == ERRNO_SUCCESS && appending.contains((int) args[0])) {
            int address = (int) args[1] + FDSTAT_FLAGS_OFFSET;
            short flags = instance.memory().readShort(address);
            instance.memory().writeShort(address, (short) (flags | FDFLAGS_APPEND));
        }
        return result;
    }

    private long[] renumber(WasmFunctionHandle original, Instance instance, long... args) {
        long[] result = original.apply(instance, args);
        if (result[0] == ERRNO_SUCCESS) {
            boolean moved = appending.remove((int) args[0]);
            appending.remove((int) args[1]);
            if (moved) {
                appending.add((int) args[1]);
            }
        }
        return result;
    }

    private static WasmFunctionHandle handle(HostFunction[] functions, String name) {
        for (HostFunction function : functions) {
            if (function.name().equals(name)) {
                return function.handle();
            }
        }
        throw new IllegalStateException("Chicory's WASI has no " + name);
    }
}
