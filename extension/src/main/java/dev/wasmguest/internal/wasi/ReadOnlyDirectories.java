package dev.wasmguest.internal.wasi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import run.endive.runtime.HostFunction;
import run.endive.runtime.Instance;
import run.endive.runtime.WasmFunctionHandle;

/**
 * Makes read-only directories refuse changes the way wasmtime refuses them in a read-only preopen: creating,
 * opening for writing, truncating, deleting, renaming, linking, and setting times or sizes inside one answer
 * {@code PERM} ("Operation not permitted"), and nothing changes. Endive 1.0.0 has no read-only preopens (its
 * changes would land in the run's private copy and be discarded). The descriptors of a read-only directory and of
 * everything opened through it are tracked across {@code path_open}, {@code fd_renumber} and {@code fd_close}. One
 * instance per run.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReadOnlyDirectories {

    /** The rights that only opening for writing asks for (wasi-libc asks for every other right on any open). */
    private static final long WRITING_RIGHTS = Rights.FD_WRITE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_SIZE;

    /**
     * For each call that changes something, where its descriptors are among its arguments: a change through any of
     * them inside a read-only directory is refused.
     */
    private static final Map<String, int[]> CHANGING_CALLS = Map.ofEntries(
            Map.entry("path_create_directory", new int[] {0}),
            Map.entry("path_remove_directory", new int[] {0}),
            Map.entry("path_unlink_file", new int[] {0}),
            Map.entry("path_symlink", new int[] {2}),
            Map.entry("path_rename", new int[] {0, 3}),
            Map.entry("path_link", new int[] {4}),
            Map.entry("path_filestat_set_times", new int[] {0}),
            Map.entry("fd_filestat_set_times", new int[] {0}),
            Map.entry("fd_filestat_set_size", new int[] {0}),
            Map.entry("fd_allocate", new int[] {0}));

    /** The descriptors inside read-only directories (the value is unused: a set that follows the descriptors). */
    private final DescriptorMap<Boolean> readOnly = new DescriptorMap<>();

    /** @param preopened the descriptors of the read-only preopened directories */
    public ReadOnlyDirectories(Set<Integer> preopened) {
        preopened.forEach(fd -> readOnly.put(fd, true));
    }

    public HostFunction[] apply(HostFunction[] functions) {
        Map<String, UnaryOperator<WasmFunctionHandle>> replacements = new HashMap<>(readOnly.following());
        CHANGING_CALLS.forEach((name, descriptors) -> replacements.put(
                name,
                call -> (instance, args) -> refusedIfAny(descriptors, args) ? perm() : call.apply(instance, args)));
        replacements.put("path_open", open -> (instance, args) -> pathOpen(open, instance, args));
        return HostFunctions.replaced(functions, replacements);
    }

    /** path_open(dirfd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_out). */
    private long[] pathOpen(WasmFunctionHandle original, Instance instance, long... args) {
        if (!readOnly.contains(args[0])) {
            return original.apply(instance, args);
        }
        boolean changes = OpenFlags.change(args[4]) || (args[5] & WRITING_RIGHTS) != 0;
        if (changes) {
            return perm();
        }
        long[] result = original.apply(instance, args);
        if (Errno.succeeded(result)) {
            readOnly.put(instance.memory().readInt((int) args[8]), true);
        }
        return result;
    }

    private boolean refusedIfAny(int[] positions, long[] args) {
        for (int position : positions) {
            if (readOnly.contains(args[position])) {
                return true;
            }
        }
        return false;
    }

    private static long[] perm() {
        return Errno.PERM.answer();
    }
}
