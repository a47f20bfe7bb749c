package dev.wasmguest.internal.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a symbolic link leads, followed as a POSIX system follows the last part of a path: a relative target from
 * the link's own directory, link after link. Only inside {@code root}: an absolute target, or one that leads out of
 * it, is refused ({@code PERM}, as a path would be); more than {@value #MAX_LINKS} links in a row are a loop.
 *
 * @param errno {@code 0} when {@code target} is where the links lead, else the WASI errno to answer
 * @param target the first path of the chain that is no symlink; null on an errno
 */
record FollowedLink(long errno, Path target) {

    /** Linux's limit. */
    static final int MAX_LINKS = 40;

    private static final long ERRNO_SUCCESS = 0;
    private static final long ERRNO_IO = 29;
    private static final long ERRNO_LOOP = 32;
    private static final long ERRNO_PERM = 63;

    static FollowedLink from(Path link, Path root) {
        Path path = link;
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(path)) {
                return new FollowedLink(ERRNO_SUCCESS, path);
            }
            Path target;
            try {
                target = Files.readSymbolicLink(path);
            } catch (IOException e) {
                return failed(ERRNO_IO);
            }
            path = path.getParent().resolve(target).normalize();
            if (target.isAbsolute() || !path.startsWith(root)) {
                return failed(ERRNO_PERM);
            }
        }
        return failed(ERRNO_LOOP);
    }

    private static FollowedLink failed(long errno) {
        return new FollowedLink(errno, null);
    }
}
