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
 * {@code fd_fdstat_set_rights}, which Endive 1.0.0 does not implement ({@code NOTSUP}): a descriptor's rights can
 * be narrowed, never widened ({@code NOTCAPABLE}), {@code fd_fdstat_get} reports them, and from then on a call that
 * needs a dropped right fails with {@code NOTCAPABLE}. A directory's inheriting rights bound what is opened through
 * it, as the spec says. Descriptors whose rights never changed, and what is opened through them, stay Endive's
 * alone. One instance per run.
 */
@API(status = INTERNAL, since = "0.1")
public final class Rights {

    private static final int FDSTAT_SIZE = 24;
    private static final int FDSTAT_BASE_OFFSET = 8;
    private static final int FDSTAT_INHERITING_OFFSET = 16;
    private static final int WHENCE_CUR = 1;

    private static final long FD_DATASYNC = 1L;
    private static final long FD_READ = 1L << 1;
    private static final long FD_SEEK = 1L << 2;
    private static final long FD_FDSTAT_SET_FLAGS = 1L << 3;
    private static final long FD_SYNC = 1L << 4;
    private static final long FD_TELL = 1L << 5;
    static final long FD_WRITE = 1L << 6;
    private static final long FD_ADVISE = 1L << 7;
    static final long FD_ALLOCATE = 1L << 8;
    private static final long PATH_CREATE_DIRECTORY = 1L << 9;
    private static final long PATH_CREATE_FILE = 1L << 10;
    private static final long PATH_LINK_SOURCE = 1L << 11;
    private static final long PATH_LINK_TARGET = 1L << 12;
    private static final long PATH_OPEN = 1L << 13;
    private static final long FD_READDIR = 1L << 14;
    private static final long PATH_READLINK = 1L << 15;
    private static final long PATH_RENAME_SOURCE = 1L << 16;
    private static final long PATH_RENAME_TARGET = 1L << 17;
    private static final long PATH_FILESTAT_GET = 1L << 18;
    private static final long PATH_FILESTAT_SET_SIZE = 1L << 19;
    private static final long PATH_FILESTAT_SET_TIMES = 1L << 20;
    private static final long FD_FILESTAT_GET = 1L << 21;
    static final long FD_FILESTAT_SET_SIZE = 1L << 22;
    private static final long FD_FILESTAT_SET_TIMES = 1L << 23;
    private static final long PATH_SYMLINK = 1L << 24;
    private static final long PATH_REMOVE_DIRECTORY = 1L << 25;
    private static final long PATH_UNLINK_FILE = 1L << 26;

    /** A call's need: the right it needs of the descriptor at an argument position. */
    private record Need(int position, long right) {}

    /** What each call needs (fd_seek and path_open need more, see their methods). */
    private static final Map<String, Need[]> NEEDS = Map.ofEntries(
            Map.entry("fd_datasync", needs(0, FD_DATASYNC)),
            Map.entry("fd_read", needs(0, FD_READ)),
            Map.entry("fd_pread", needs(0, FD_READ | FD_SEEK)),
            Map.entry("fd_fdstat_set_flags", needs(0, FD_FDSTAT_SET_FLAGS)),
            Map.entry("fd_sync", needs(0, FD_SYNC)),
            Map.entry("fd_tell", needs(0, FD_TELL)),
            Map.entry("fd_write", needs(0, FD_WRITE)),
            Map.entry("fd_pwrite", needs(0, FD_WRITE | FD_SEEK)),
            Map.entry("fd_advise", needs(0, FD_ADVISE)),
            Map.entry("fd_allocate", needs(0, FD_ALLOCATE)),
            Map.entry("fd_readdir", needs(0, FD_READDIR)),
            Map.entry("fd_filestat_get", needs(0, FD_FILESTAT_GET)),
            Map.entry("fd_filestat_set_size", needs(0, FD_FILESTAT_SET_SIZE)),
            Map.entry("fd_filestat_set_times", needs(0, FD_FILESTAT_SET_TIMES)),
            Map.entry("path_create_directory", needs(0, PATH_CREATE_DIRECTORY)),
            Map.entry("path_filestat_get", needs(0, PATH_FILESTAT_GET)),
            Map.entry("path_filestat_set_times", needs(0, PATH_FILESTAT_SET_TIMES)),
            Map.entry("path_readlink", needs(0, PATH_READLINK)),
            Map.entry("path_remove_directory", needs(0, PATH_REMOVE_DIRECTORY)),
            Map.entry("path_unlink_file", needs(0, PATH_UNLINK_FILE)),
            Map.entry("path_symlink", needs(2, PATH_SYMLINK)),
            Map.entry("path_link", new Need[] {new Need(0, PATH_LINK_SOURCE), new Need(4, PATH_LINK_TARGET)}),
            Map.entry("path_rename", new Need[] {new Need(0, PATH_RENAME_SOURCE), new Need(3, PATH_RENAME_TARGET)}));

    /** The rights of descriptors whose rights were narrowed, or that were opened through one: base, inheriting. */
    private final DescriptorMap<long[]> narrowed = new DescriptorMap<>();

    private static Need[] needs(int position, long right) {
        return new Need[] {new Need(position, right)};
    }

    public HostFunction[] apply(HostFunction[] functions) {
        WasmFunctionHandle chicorysFdstatGet = HostFunctions.handle(functions, "fd_fdstat_get");
        Map<String, UnaryOperator<WasmFunctionHandle>> replacements = new HashMap<>(narrowed.following());
        NEEDS.forEach((name, needs) -> replacements.put(
                name, call -> (instance, args) -> lacks(needs, args) ? notCapable() : call.apply(instance, args)));
        replacements.put(
                "fd_fdstat_set_rights", set -> (instance, args) -> setRights(chicorysFdstatGet, instance, args));
        replacements.put("fd_fdstat_get", get -> (instance, args) -> fdstatGet(get, instance, args));
        replacements.put("fd_seek", seek -> (instance, args) -> seek(seek, instance, args));
        replacements.put("path_open", open -> (instance, args) -> pathOpen(open, instance, args));
        return HostFunctions.replaced(functions, replacements);
    }

    /** fd_fdstat_set_rights(fd, rights_base, rights_inheriting): narrow, never widen. */
    private long[] setRights(WasmFunctionHandle fdstatGet, Instance instance, long... args) {
        int fd = (int) args[0];
        long[] current = narrowed.get(fd);
        if (current == null) {
            long[] read = chicorysRights(fdstatGet, instance, fd);
            if (read.length == 1) {
                return read; // Endive's errno, e.g. BADF
            }
            current = read;
        }
        long base = args[1];
        long inheriting = args[2];
        if ((base & ~current[0]) != 0 || (inheriting & ~current[1]) != 0) {
            return notCapable();
        }
        narrowed.put(fd, new long[] {base, inheriting});
        return Errno.SUCCESS.answer();
    }

    /**
     * The rights Endive reports for {@code fd}: base and inheriting, or its errno alone. fd_fdstat_get needs 24
     * bytes of guest memory for its answer: borrow the first 24 and put back what they held (the guest waits in this
     * call, so nothing else reads them meanwhile).
     */
    private static long[] chicorysRights(WasmFunctionHandle fdstatGet, Instance instance, int fd) {
        byte[] saved = instance.memory().readBytes(0, FDSTAT_SIZE);
        try {
            long[] result = fdstatGet.apply(instance, fd, 0);
            if (!Errno.succeeded(result)) {
                return result;
            }
            return new long[] {
                instance.memory().readLong(FDSTAT_BASE_OFFSET),
                instance.memory().readLong(FDSTAT_INHERITING_OFFSET)
            };
        } finally {
            instance.memory().write(0, saved);
        }
    }

    /** fd_fdstat_get(fd, buf): report narrowed rights. */
    private long[] fdstatGet(WasmFunctionHandle original, Instance instance, long... args) {
        long[] result = original.apply(instance, args);
        long[] rights = narrowed.get(args[0]);
        if (Errno.succeeded(result) && rights != null) {
            instance.memory().writeLong((int) args[1] + FDSTAT_BASE_OFFSET, rights[0]);
            instance.memory().writeLong((int) args[1] + FDSTAT_INHERITING_OFFSET, rights[1]);
        }
        return result;
    }

    /** fd_seek(fd, offset, whence, newoffset): reading the position needs FD_TELL, moving it FD_SEEK. */
    private long[] seek(WasmFunctionHandle original, Instance instance, long... args) {
        boolean tell = args[1] == 0 && args[2] == WHENCE_CUR;
        long right = tell ? FD_TELL | FD_SEEK : FD_SEEK;
        long[] rights = narrowed.get(args[0]);
        if (rights != null && (rights[0] & right) == 0) {
            return notCapable();
        }
        return original.apply(instance, args);
    }

    /**
     * path_open(dirfd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_out): through a
     * narrowed directory, opening needs {@code PATH_OPEN}, creating {@code PATH_CREATE_FILE} and truncating
     * {@code PATH_FILESTAT_SET_SIZE}; only rights the directory passes on may be asked for, and the new descriptor
     * has those asked for.
     */
    private long[] pathOpen(WasmFunctionHandle original, Instance instance, long... args) {
        long[] directory = narrowed.get(args[0]);
        if (directory == null) {
            return original.apply(instance, args);
        }
        long base = args[5];
        long inheriting = args[6];
        long needed = PATH_OPEN
                | ((args[4] & OpenFlags.CREAT) != 0 ? PATH_CREATE_FILE : 0)
                | ((args[4] & OpenFlags.TRUNC) != 0 ? PATH_FILESTAT_SET_SIZE : 0);
        if ((directory[0] & needed) != needed || (base & ~directory[1]) != 0 || (inheriting & ~directory[1]) != 0) {
            return notCapable();
        }
        long[] result = original.apply(instance, args);
        if (Errno.succeeded(result)) {
            narrowed.put(instance.memory().readInt((int) args[8]), new long[] {base, inheriting});
        }
        return result;
    }

    private boolean lacks(Need[] needs, long[] args) {
        for (Need need : needs) {
            long[] rights = narrowed.get(args[need.position()]);
            if (rights != null && (rights[0] & need.right()) != need.right()) {
                return true;
            }
        }
        return false;
    }

    private static long[] notCapable() {
        return Errno.NOTCAPABLE.answer();
    }
}
