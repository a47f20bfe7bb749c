package dev.wasmguest.internal.wasi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import run.endive.runtime.HostFunction;
import run.endive.runtime.Instance;
import run.endive.runtime.WasmFunctionHandle;
import run.endive.wasi.WasiPreview1;

/**
 * The calls on symbolic links that Endive 1.0.0 answers unlike wasmtime, answered here for the directories whose
 * place in the run's file system is known (the preopened ones, and directories opened through them). Each stays
 * only while a conformance case in {@code guests/conformance} fails without it:
 *
 * <ul>
 *   <li>{@code path_symlink} stores the target as the guest wrote it (Endive: resolved in the directory) and answers
 *       a new path with a trailing slash {@code NOENT} unless it exists (Endive: always {@code EXIST});
 *   <li>{@code path_readlink} gives the whole target (Endive: its last name);
 *   <li>{@code path_link} answers a taken new name {@code EXIST}, even a dangling symlink (Endive: {@code IO}),
 *       refuses {@code SYMLINK_FOLLOW} ({@code INVAL}) and links a symlink itself (Endive follows it);
 *   <li>{@code path_filestat_set_times} without {@code SYMLINK_FOLLOW} sets the link's own times (Endive: the
 *       target's);
 *   <li>{@code path_open} and {@code path_filestat_get} with {@code SYMLINK_FOLLOW}, of a path whose last part is a
 *       symlink, follow a relative target from the link's own directory (Endive: from the root of the run's file
 *       system, so such a link reads as missing or forbidden).
 * </ul>
 *
 * <p>Paths stay inside their directory as everywhere: absolute ones and {@code ..} out of it are refused, and a
 * link is never followed out of its preopened directory. One instance per run.
 */
@API(status = INTERNAL, since = "0.1")
public final class SymlinkCalls {

    private static final int LOOKUP_SYMLINK_FOLLOW = 1;
    private static final int FST_ATIM = 1;
    private static final int FST_ATIM_NOW = 2;
    private static final int FST_MTIM = 4;
    private static final int FST_MTIM_NOW = 8;

    /** Where each known directory descriptor is in the run's file system. */
    private final DescriptorMap<Path> directories = new DescriptorMap<>();
    /** The preopened directories, which no path or link leads out of. */
    private final List<Path> roots;

    /** Endive's WASI, whose calls this class makes with paths of its own. */
    private final WasiPreview1 wasi;

    /**
     * @param preopened the preopened directories: descriptor, and place in the run's file system
     * @param wasi the run's WASI, whose {@code path_open} and {@code path_filestat_get} are called with the paths
     *     that followed links lead to
     */
    public SymlinkCalls(Map<Integer, Path> preopened, WasiPreview1 wasi) {
        directories.putAll(preopened);
        this.roots = List.copyOf(preopened.values());
        this.wasi = wasi;
    }

    public HostFunction[] apply(HostFunction[] functions) {
        Map<String, UnaryOperator<WasmFunctionHandle>> replacements = new HashMap<>(directories.following());
        replacements.put("path_readlink", call -> (instance, args) -> readlink(call, instance, args));
        replacements.put("path_symlink", call -> (instance, args) -> symlink(call, instance, args));
        replacements.put("path_link", call -> (instance, args) -> link(call, instance, args));
        replacements.put("path_filestat_set_times", call -> (instance, args) -> setTimes(call, instance, args));
        replacements.put("path_open", call -> (instance, args) -> open(call, instance, args));
        replacements.put("path_filestat_get", call -> (instance, args) -> filestatGet(call, instance, args));
        return HostFunctions.replaced(functions, replacements);
    }

    /** path_readlink(fd, path, path_len, buf, buf_len, bufused). */
    private long[] readlink(WasmFunctionHandle original, Instance instance, long... args) {
        Path directory = directories.get(args[0]);
        if (directory == null) {
            return original.apply(instance, args);
        }
        Path path = inside(directory, string(instance, args[1], args[2]));
        if (path == null) {
            return Errno.PERM.answer();
        }
        byte[] target;
        try {
            target = Files.readSymbolicLink(path).toString().getBytes(UTF_8);
        } catch (NotLinkException e) {
            return Errno.INVAL.answer();
        } catch (NoSuchFileException e) {
            return Errno.NOENT.answer();
        } catch (IOException e) {
            return Errno.IO.answer();
        }
        int used = (int) Math.min(target.length, args[4]);
        instance.memory().write((int) args[3], target, 0, used);
        instance.memory().writeI32((int) args[5], used);
        return Errno.SUCCESS.answer();
    }

    /** path_symlink(old_path, old_len, fd, new_path, new_len): the link holds old_path as written. */
    private long[] symlink(WasmFunctionHandle original, Instance instance, long... args) {
        Path directory = directories.get(args[2]);
        if (directory == null) {
            return original.apply(instance, args);
        }
        String target = string(instance, args[0], args[1]);
        String rawNew = string(instance, args[3], args[4]);
        Path link = inside(directory, rawNew);
        if (link == null || target.startsWith("/")) {
            return Errno.PERM.answer();
        }
        boolean exists = Files.exists(link, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
            return Errno.EXIST.answer();
        }
        if (rawNew.endsWith("/")) {
            return Errno.NOENT.answer(); // a trailing slash names a directory, and the link is none
        }
        try {
            Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
            return Errno.SUCCESS.answer();
        } catch (FileAlreadyExistsException e) {
            return Errno.EXIST.answer();
        } catch (NoSuchFileException e) {
            return Errno.NOENT.answer();
        } catch (IOException | InvalidPathException e) {
            return Errno.IO.answer();
        }
    }

    /**
     * path_link(old_fd, old_flags, old_path, old_len, new_fd, new_path, new_len): a new name that is taken, even by a
     * dangling symlink, is {@code EXIST} (Endive asks whether a link's target exists, then fails with {@code IO}).
     * SYMLINK_FOLLOW is refused ({@code INVAL}), as wasmtime refuses it. A symlink is linked itself: the run's file
     * system cannot hard-link a symlink, so the new name is a symlink with the same target, the same to every call
     * but {@code filestat}'s inode and link count.
     */
    private long[] link(WasmFunctionHandle original, Instance instance, long... args) {
        Path oldDirectory = directories.get(args[0]);
        Path newDirectory = directories.get(args[4]);
        if (oldDirectory == null || newDirectory == null) {
            return original.apply(instance, args);
        }
        String rawNew = string(instance, args[5], args[6]);
        Path link = inside(newDirectory, rawNew);
        if (link != null && !rawNew.endsWith("/") && Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return Errno.EXIST.answer();
        }
        if ((args[1] & LOOKUP_SYMLINK_FOLLOW) != 0) {
            return Errno.INVAL.answer();
        }
        Path source = inside(oldDirectory, string(instance, args[2], args[3]));
        if (source == null || !Files.isSymbolicLink(source)) {
            return original.apply(instance, args);
        }
        if (link == null) {
            return Errno.PERM.answer();
        }
        try {
            Files.createSymbolicLink(link, Files.readSymbolicLink(source));
            return Errno.SUCCESS.answer();
        } catch (FileAlreadyExistsException e) {
            return Errno.EXIST.answer();
        } catch (NoSuchFileException e) {
            return Errno.NOENT.answer();
        } catch (IOException e) {
            return Errno.IO.answer();
        }
    }

    /** path_filestat_set_times(fd, flags, path, path_len, atim, mtim, fst_flags): without SYMLINK_FOLLOW, the link's. */
    private long[] setTimes(WasmFunctionHandle original, Instance instance, long... args) {
        Path directory = directories.get(args[0]);
        if (directory == null || (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0) {
            return original.apply(instance, args);
        }
        Path path = inside(directory, string(instance, args[2], args[3]));
        if (path == null || !Files.isSymbolicLink(path)) {
            return original.apply(instance, args);
        }
        int flags = (int) args[6];
        if ((flags & FST_ATIM) != 0 && (flags & FST_ATIM_NOW) != 0
                || (flags & FST_MTIM) != 0 && (flags & FST_MTIM_NOW) != 0) {
            return Errno.INVAL.answer();
        }
        FileTime now = FileTime.from(Instant.now());
        FileTime access = (flags & FST_ATIM_NOW) != 0 ? now : (flags & FST_ATIM) != 0 ? nanos(args[4]) : null;
        FileTime modified = (flags & FST_MTIM_NOW) != 0 ? now : (flags & FST_MTIM) != 0 ? nanos(args[5]) : null;
        try {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(modified, access, null);
            return Errno.SUCCESS.answer();
        } catch (IOException e) {
            return Errno.IO.answer();
        }
    }

    /**
     * path_open(fd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags, fd_out): with
     * SYMLINK_FOLLOW, a symlink that ends the path is followed here, then Endive opens what it leads to. Remembers
     * where a directory opened through a known one is.
     */
    private long[] open(WasmFunctionHandle original, Instance instance, long... args) {
        Path directory = directories.get(args[0]);
        if (directory == null) {
            return original.apply(instance, args);
        }
        String raw = string(instance, args[2], args[3]);
        Path path = inside(directory, raw);
        long[] result;
        if (path != null && followsLink(args[1], path)) {
            FollowedLink followed = FollowedLink.from(path, rootOf(directory));
            if (followed.errno() != Errno.SUCCESS) {
                return followed.errno().answer();
            }
            path = followed.target();
            result = through(path, raw.endsWith("/"))
                    .map(place -> Errno.answer(wasi.pathOpen(
                            instance.memory(),
                            place.fd(),
                            (int) args[1],
                            place.path(),
                            (int) args[4],
                            args[5],
                            args[6],
                            (int) args[7],
                            (int) args[8])))
                    .orElseGet(() -> original.apply(instance, args));
        } else {
            result = original.apply(instance, args);
        }
        if (Errno.succeeded(result) && path != null && Files.isDirectory(path)) {
            directories.put(instance.memory().readInt((int) args[8]), path);
        }
        return result;
    }

    /**
     * path_filestat_get(fd, flags, path, path_len, buf): with SYMLINK_FOLLOW, a symlink that ends the path is
     * followed here, then Endive reads the attributes of what it leads to.
     */
    private long[] filestatGet(WasmFunctionHandle original, Instance instance, long... args) {
        Path directory = directories.get(args[0]);
        if (directory == null) {
            return original.apply(instance, args);
        }
        String raw = string(instance, args[2], args[3]);
        Path path = inside(directory, raw);
        if (path == null || !followsLink(args[1], path)) {
            return original.apply(instance, args);
        }
        FollowedLink followed = FollowedLink.from(path, rootOf(directory));
        if (followed.errno() != Errno.SUCCESS) {
            return followed.errno().answer();
        }
        return through(followed.target(), raw.endsWith("/"))
                .map(place -> Errno.answer(wasi.pathFilestatGet(
                        instance.memory(), place.fd(), (int) args[1], place.path(), (int) args[4])))
                .orElseGet(() -> original.apply(instance, args));
    }

    /** Whether a call with these lookup flags follows {@code path} as a link: Endive follows it wrongly. */
    private static boolean followsLink(long lookupFlags, Path path) {
        return (lookupFlags & LOOKUP_SYMLINK_FOLLOW) != 0 && Files.isSymbolicLink(path);
    }

    /** A path to give Endive, from a descriptor it knows, since Endive takes no {@code ..}. */
    private record Through(int fd, String path) {}

    /**
     * {@code target} from the deepest known directory above it; empty when the guest closed all of them (Endive is
     * then given the guest's own path).
     */
    private Optional<Through> through(Path target, boolean trailingSlash) {
        return directories.all().entrySet().stream()
                .filter(known -> target.startsWith(known.getValue()))
                .max(Comparator.comparingInt(known -> known.getValue().getNameCount()))
                .map(known -> {
                    Path relative = known.getValue().relativize(target);
                    String path = relative.toString().isEmpty() ? "." : relative + (trailingSlash ? "/" : "");
                    return new Through(known.getKey(), path);
                });
    }

    /** The preopened directory that {@code directory} is in. */
    private Path rootOf(Path directory) {
        return roots.stream()
                .filter(directory::startsWith)
                .max(Comparator.comparingInt(Path::getNameCount))
                .orElse(directory);
    }

    /** {@code raw} below {@code directory}; null when it is absolute or leads out of it by {@code ..}. */
    private static Path inside(Path directory, String raw) {
        Path path;
        try {
            path = directory.getFileSystem().getPath(raw);
        } catch (InvalidPathException e) {
            return null;
        }
        if (path.isAbsolute()) {
            return null;
        }
        Path normalized = path.normalize();
        if (normalized.startsWith("..")) {
            return null;
        }
        return directory.resolve(normalized);
    }

    private static String string(Instance instance, long address, long length) {
        return new String(instance.memory().readBytes((int) address, (int) length), UTF_8);
    }

    private static FileTime nanos(long value) {
        return FileTime.from(value, TimeUnit.NANOSECONDS);
    }
}
