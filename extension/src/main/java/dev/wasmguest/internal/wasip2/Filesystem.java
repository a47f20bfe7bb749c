package dev.wasmguest.internal.wasip2;

import dev.wasmguest.internal.component.CaseValue;
import dev.wasmguest.internal.component.HostInstance;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code wasi:filesystem/types} and {@code preopens} on the run's private copies of the directories the test
 * grants: a guest reaches nothing else, and a read-only directory refuses every change with {@code not-permitted},
 * as wasmtime refuses them. Paths are resolved by {@link PathWalk}. Every operation answers with an
 * {@code error-code} when the file system refuses it; none traps.
 */
final class Filesystem {

    private static final int SYMLINK_FOLLOW = 1;
    private static final int OPEN_CREATE = 1;
    private static final int OPEN_DIRECTORY = 1 << 1;
    private static final int OPEN_EXCLUSIVE = 1 << 2;
    private static final int OPEN_TRUNCATE = 1 << 3;

    /** {@code descriptor-type}'s cases. */
    private static final int UNKNOWN = 0;

    private static final int DIRECTORY = 3;
    private static final int SYMBOLIC_LINK = 5;
    private static final int REGULAR_FILE = 6;

    /** The most one {@code read} gives. */
    private static final int MAX_READ = 1 << 20;

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final List<WasiHost.Preopen> preopens;
    private final Supplier<Instant> now;

    /** @param now the run's wall clock, for times set to now */
    Filesystem(List<WasiHost.Preopen> preopens, Supplier<Instant> now) {
        this.preopens = List.copyOf(preopens);
        this.now = now;
    }

    /** {@code get-directories}: each preopened directory, a new descriptor, with its guest path. */
    List<Object> directories() {
        List<Object> directories = new ArrayList<>();
        for (WasiHost.Preopen preopen : preopens) {
            directories.add(List.of(Descriptor.preopen(preopen.directory(), preopen.readOnly()), preopen.guestPath()));
        }
        return directories;
    }

    /** A function of {@code wasi:filesystem/types}, by name. */
    Optional<HostInstance.Call> types(String function) {
        return Optional.ofNullable(
                switch (function) {
                    case "[method]descriptor.read-via-stream" ->
                        answered(args -> new Streams.Input(
                                "a file", FileStreams.reading(file(args, Descriptor.READ), (Long) args.get(1))));
                    case "[method]descriptor.write-via-stream" ->
                        answered(args -> new Streams.Output(
                                "a file",
                                FileStreams.writing(file(args, Descriptor.WRITE), (Long) args.get(1), false)));
                    case "[method]descriptor.append-via-stream" ->
                        answered(args -> new Streams.Output(
                                "a file", FileStreams.writing(file(args, Descriptor.WRITE), 0, true)));
                    case "[method]descriptor.advise", "[method]descriptor.sync-data", "[method]descriptor.sync" ->
                        done(args -> {});
                    case "[method]descriptor.get-flags" ->
                        answered(args -> self(args).flags());
                    case "[method]descriptor.get-type" ->
                        answered(args -> type(self(args).path()));
                    case "[method]descriptor.set-size" -> done(Filesystem::setSize);
                    case "[method]descriptor.set-times" ->
                        done(args -> setTimes(changeable(self(args)).path(), args.get(1), args.get(2)));
                    case "[method]descriptor.read" -> answered(Filesystem::read);
                    case "[method]descriptor.write" -> answered(Filesystem::write);
                    case "[method]descriptor.read-directory" -> answered(args -> entries(self(args)));
                    case "[method]descriptor.create-directory-at" ->
                        done(args -> Files.createDirectory(changing(args, 1)));
                    case "[method]descriptor.stat" ->
                        answered(args -> stat(self(args).path()));
                    case "[method]descriptor.stat-at" -> answered(args -> stat(at(args, 2, follows(args))));
                    case "[method]descriptor.set-times-at" ->
                        done(args -> setTimes(changing(args, 2, follows(args)), args.get(3), args.get(4)));
                    case "[method]descriptor.link-at" -> done(Filesystem::link);
                    case "[method]descriptor.open-at" -> answered(Filesystem::open);
                    case "[method]descriptor.readlink-at" ->
                        answered(args ->
                                Files.readSymbolicLink(at(args, 1, false)).toString());
                    case "[method]descriptor.remove-directory-at" -> done(Filesystem::removeDirectory);
                    case "[method]descriptor.rename-at" -> done(Filesystem::rename);
                    case "[method]descriptor.symlink-at" -> done(Filesystem::symlink);
                    case "[method]descriptor.unlink-file-at" -> done(Filesystem::unlink);
                    case "[method]descriptor.is-same-object" ->
                        (HostInstance.Call) args -> sameFile(self(args).path(), ((Descriptor) args.get(1)).path());
                    case "[method]descriptor.metadata-hash" ->
                        answered(args -> hash(self(args).path()));
                    case "[method]descriptor.metadata-hash-at" -> answered(args -> hash(at(args, 2, follows(args))));
                    case "[method]directory-entry-stream.read-directory-entry" ->
                        answered(args -> ((Entries) args.get(0)).next());
                    case "filesystem-error-code" -> (HostInstance.Call) args -> CaseValue.NONE;
                    default -> null;
                });
    }

    /** An operation that may fail: it answers {@code result<T, error-code>}. */
    @FunctionalInterface
    private interface Operation {
        Object apply(List<Object> args) throws IOException;
    }

    /** An operation that may fail and answers nothing else: {@code result<_, error-code>}. */
    @FunctionalInterface
    private interface Change {
        void apply(List<Object> args) throws IOException;
    }

    private static HostInstance.Call done(Change change) {
        return answered(args -> {
            change.apply(args);
            return null;
        });
    }

    private static HostInstance.Call answered(Operation operation) {
        return args -> {
            try {
                return CaseValue.ok(operation.apply(args));
            } catch (PathWalk.Refused refused) {
                return CaseValue.error(refused.code.ordinal());
            } catch (IOException e) {
                return CaseValue.error(ErrorCode.of(e).ordinal());
            } catch (InvalidPathException e) {
                return CaseValue.error(ErrorCode.ILLEGAL_BYTE_SEQUENCE.ordinal()); // a name no file can have
            }
        };
    }

    private static Descriptor self(List<Object> args) {
        return (Descriptor) args.get(0);
    }

    private static boolean follows(List<Object> args) {
        return ((Integer) args.get(1) & SYMLINK_FOLLOW) != 0;
    }

    /** The file of a descriptor opened for {@code access} ({@link Descriptor#READ} or {@link Descriptor#WRITE}). */
    private static Path file(List<Object> args, int access) {
        Descriptor self = self(args);
        if (self.directory()) {
            throw new PathWalk.Refused(ErrorCode.IS_DIRECTORY);
        }
        if ((self.flags() & access) == 0) {
            throw new PathWalk.Refused(ErrorCode.BAD_DESCRIPTOR);
        }
        return self.path();
    }

    /** Where the path at {@code args[index]} leads below the descriptor at {@code args[0]}. */
    private static Path at(List<Object> args, int index, boolean followLast) throws IOException {
        Descriptor directory = self(args);
        return directory
                .at(PathWalk.resolve(directory, (String) args.get(index), followLast), false, 0)
                .path();
    }

    /** Like {@link #at}, for a change: refused inside a read-only directory. */
    private static Path changing(List<Object> args, int index, boolean followLast) throws IOException {
        changeable(self(args));
        return at(args, index, followLast);
    }

    private static Path changing(List<Object> args, int index) throws IOException {
        return changing(args, index, false);
    }

    private static Descriptor changeable(Descriptor descriptor) {
        if (descriptor.readOnly()) {
            throw new PathWalk.Refused(ErrorCode.NOT_PERMITTED);
        }
        return descriptor;
    }

    /** {@code open-at(path-flags, path, open-flags, descriptor-flags)}. */
    private static Descriptor open(List<Object> args) throws IOException {
        Descriptor directory = self(args);
        int openFlags = (Integer) args.get(3);
        int flags = (Integer) args.get(4);
        boolean changes = (openFlags & (OPEN_CREATE | OPEN_TRUNCATE)) != 0 || (flags & Descriptor.WRITE) != 0;
        if (changes) {
            changeable(directory);
        }
        List<String> names = PathWalk.resolve(directory, (String) args.get(2), follows(args));
        Path path = directory.at(names, false, 0).path();
        if (Files.isSymbolicLink(path)) {
            throw new PathWalk.Refused(ErrorCode.LOOP); // as O_NOFOLLOW on a symlink
        }
        boolean exists = Files.exists(path, NOFOLLOW);
        if (exists && (openFlags & OPEN_CREATE) != 0 && (openFlags & OPEN_EXCLUSIVE) != 0) {
            throw new PathWalk.Refused(ErrorCode.EXIST);
        }
        if (!exists) {
            if ((openFlags & OPEN_CREATE) == 0) {
                throw new PathWalk.Refused(ErrorCode.NO_ENTRY);
            }
            if ((openFlags & OPEN_DIRECTORY) != 0) {
                throw new PathWalk.Refused(ErrorCode.INVALID);
            }
            Files.createFile(path);
        }
        boolean isDirectory = Files.isDirectory(path, NOFOLLOW);
        if ((openFlags & OPEN_DIRECTORY) != 0 && !isDirectory) {
            throw new PathWalk.Refused(ErrorCode.NOT_DIRECTORY);
        }
        if (isDirectory && ((flags & Descriptor.WRITE) != 0 || (openFlags & OPEN_TRUNCATE) != 0)) {
            throw new PathWalk.Refused(ErrorCode.IS_DIRECTORY);
        }
        if ((openFlags & OPEN_TRUNCATE) != 0) {
            try (SeekableByteChannel channel = Files.newByteChannel(path, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
        }
        int granted = isDirectory
                ? (flags & Descriptor.READ) | (directory.flags() & Descriptor.MUTATE_DIRECTORY)
                : flags & ~Descriptor.MUTATE_DIRECTORY; // read, write and the sync flags, as asked
        return directory.at(names, isDirectory, granted);
    }

    /** {@code read(length, offset)}: the bytes, and whether the end of the file was reached. */
    private static List<Object> read(List<Object> args) throws IOException {
        Path file = file(args, Descriptor.READ);
        long wanted = (Long) args.get(1);
        long offset = (Long) args.get(2);
        int length = Long.compareUnsigned(wanted, MAX_READ) > 0 ? MAX_READ : (int) wanted;
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            if (offset < 0 || offset >= channel.size()) {
                return List.of(new byte[0], true);
            }
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // until the buffer or the file ends
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return List.of(bytes, channel.position() >= channel.size());
        }
    }

    /** {@code write(buffer, offset)}: how many bytes were written. */
    private static Long write(List<Object> args) throws IOException {
        Path file = file(args, Descriptor.WRITE);
        byte[] bytes = (byte[]) args.get(1);
        FileStreams.writing(file, (Long) args.get(2), false).write(bytes);
        return (long) bytes.length;
    }

    private static void setSize(List<Object> args) throws IOException {
        Path file = file(args, Descriptor.WRITE);
        long size = (Long) args.get(1);
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            if (size < channel.size()) {
                channel.truncate(size);
            } else if (size > channel.size()) {
                channel.position(size - 1).write(ByteBuffer.wrap(new byte[1]));
            }
        }
    }

    private void setTimes(Path path, Object access, Object modification) throws IOException {
        Files.getFileAttributeView(path, BasicFileAttributeView.class, NOFOLLOW)
                .setTimes(time(modification), time(access), null);
    }

    /** A {@code new-timestamp}: {@code no-change} (null), {@code now}, or a {@code datetime}. */
    private FileTime time(Object newTimestamp) {
        CaseValue value = (CaseValue) newTimestamp;
        return switch (value.index()) {
            case 0 -> null;
            case 1 -> FileTime.from(now.get());
            default -> {
                List<?> datetime = (List<?>) value.value();
                yield FileTime.from(Instant.ofEpochSecond((Long) datetime.get(0), (Integer) datetime.get(1)));
            }
        };
    }

    /**
     * {@code link-at}: a hard link, never to a directory ({@code not-permitted}, as Linux answers). A symlink is
     * linked itself: the run's file system cannot link one, so the new link is a symlink to the same target, which
     * reads the same.
     */
    private static void link(List<Object> args) throws IOException {
        Path target = at(List.of(args.get(0), args.get(2)), 1, follows(args));
        Path link = newName(List.of(args.get(3), args.get(4)), 1);
        if (Files.isDirectory(target, NOFOLLOW)) {
            throw new PathWalk.Refused(ErrorCode.NOT_PERMITTED);
        }
        if (Files.isSymbolicLink(target)) {
            Files.createSymbolicLink(link, Files.readSymbolicLink(target));
        } else {
            Files.createLink(link, target);
        }
    }

    /**
     * {@code symlink-at}: the target kept as the guest wrote it; an absolute one is refused ({@code not-permitted}),
     * as wasmtime refuses it, since no path may lead out of the preopened directory.
     */
    private static void symlink(List<Object> args) throws IOException {
        String target = (String) args.get(1);
        Path link = newName(args, 2);
        if (target.startsWith("/")) {
            throw new PathWalk.Refused(ErrorCode.NOT_PERMITTED);
        }
        Files.createSymbolicLink(link, link.getFileSystem().getPath(target));
    }

    /**
     * {@code rename-at}, as POSIX renames: onto a file it replaces, onto an empty directory only a directory, onto
     * itself nothing.
     */
    private static void rename(List<Object> args) throws IOException {
        Path from = changing(args, 1);
        Path to = changing(List.of(args.get(2), args.get(3)), 1);
        if (!Files.exists(from, NOFOLLOW)) {
            throw new PathWalk.Refused(ErrorCode.NO_ENTRY);
        }
        if (Files.exists(to, NOFOLLOW)) {
            if (Files.isSameFile(from, to)) {
                return;
            }
            boolean fromDirectory = Files.isDirectory(from, NOFOLLOW);
            if (fromDirectory != Files.isDirectory(to, NOFOLLOW)) {
                throw new PathWalk.Refused(fromDirectory ? ErrorCode.NOT_DIRECTORY : ErrorCode.IS_DIRECTORY);
            }
        }
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Where a link is to be made. A name with a trailing slash names a directory, so it is {@code no-entry} unless
     * something is there already ({@code exist}, when the link is made).
     */
    private static Path newName(List<Object> args, int index) throws IOException {
        Path path = changing(args, index);
        if (((String) args.get(index)).endsWith("/") && !Files.exists(path, NOFOLLOW)) {
            throw new PathWalk.Refused(ErrorCode.NO_ENTRY);
        }
        return path;
    }

    private static void removeDirectory(List<Object> args) throws IOException {
        Path path = changing(args, 1);
        if (!Files.isDirectory(path, NOFOLLOW)) {
            throw new PathWalk.Refused(Files.exists(path, NOFOLLOW) ? ErrorCode.NOT_DIRECTORY : ErrorCode.NO_ENTRY);
        }
        Files.delete(path);
    }

    private static void unlink(List<Object> args) throws IOException {
        Path path = changing(args, 1);
        if (Files.isDirectory(path, NOFOLLOW)) {
            throw new PathWalk.Refused(ErrorCode.IS_DIRECTORY);
        }
        Files.delete(path);
    }

    private static int type(Path path) throws IOException {
        return type(Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW));
    }

    private static int type(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return DIRECTORY;
        }
        if (attributes.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        return attributes.isRegularFile() ? REGULAR_FILE : UNKNOWN;
    }

    /** A {@code descriptor-stat}: type, link count, size and the three times. */
    private static List<Object> stat(Path path) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        Map<String, Object> unix = Files.readAttributes(path, "unix:nlink,ctime", NOFOLLOW);
        return List.of(
                type(basic),
                ((Number) unix.get("nlink")).longValue(),
                basic.size(),
                CaseValue.some(datetime(basic.lastAccessTime())),
                CaseValue.some(datetime(basic.lastModifiedTime())),
                CaseValue.some(datetime((FileTime) unix.get("ctime"))));
    }

    private static List<Object> datetime(FileTime time) {
        Instant instant = time.toInstant();
        return List.of(instant.getEpochSecond(), instant.getNano());
    }

    /** A {@code metadata-hash-value}: the same for two descriptors of one file, else (almost surely) not. */
    private static List<Object> hash(Path path) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:ino,dev", NOFOLLOW);
        return List.of(((Number) unix.get("ino")).longValue(), ((Number) unix.get("dev")).longValue());
    }

    private static boolean sameFile(Path one, Path other) {
        try {
            return Files.isSameFile(one, other);
        } catch (IOException e) {
            return false;
        }
    }

    private static Entries entries(Descriptor directory) throws IOException {
        if (!directory.directory()) {
            throw new PathWalk.Refused(ErrorCode.NOT_DIRECTORY);
        }
        List<Object> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory.path())) {
            for (Path child : children.sorted().toList()) {
                entries.add(List.of(type(child), child.getFileName().toString()));
            }
        }
        return new Entries(entries.iterator());
    }

    /** A {@code directory-entry-stream}: the directory's entries as they were when it was read, by name. */
    private record Entries(Iterator<Object> entries) {

        Object next() {
            return entries.hasNext() ? CaseValue.some(entries.next()) : CaseValue.NONE;
        }
    }
}
