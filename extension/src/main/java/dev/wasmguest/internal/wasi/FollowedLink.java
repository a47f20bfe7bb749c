package dev.wasmguest.internal.wasi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a symbolic link leads, followed as a POSIX system follows the last part of a path: a relative target from
 * the link's own directory, link after link. Only inside {@code root}: an absolute target, or one that leads out of
 * it, is refused ({@code PERM}, as a path would be); more than {@value #MAX_LINKS} links in a row are a loop.
 *
 * @param errno {@link Errno#SUCCESS} when {@code target} is where the links lead, else the errno to answer
 * @param target the first path of the chain that is no symlink; null on an errno
 */
record FollowedLink(Errno errno, Path target) {

    /** Linux's limit. */
    static final int MAX_LINKS = 40;

    static FollowedLink from(Path link, Path root) {
        Path path = link;
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(path)) {
                return new FollowedLink(Errno.SUCCESS, path);
            }
            Path target;
            try {
                target = Files.readSymbolicLink(path);
            } catch (IOException e) {
                return failed(Errno.IO);
            }
            path = path.getParent().resolve(target).normalize();
            if (target.isAbsolute() || !path.startsWith(root)) {
                return failed(Errno.PERM);
            }
        }
        return failed(Errno.LOOP);
    }

    private static FollowedLink failed(Errno errno) {
        return new FollowedLink(errno, null);
    }
}
