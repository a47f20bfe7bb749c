package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A directory the guest sees at {@code guestPath}, the name of the WASI preopen: usually absolute ({@code /data}),
 * relative in older conformance suites ({@code fixture.dir}).
 *
 * @param hostPath the host directory whose contents the guest sees; null for a fresh empty directory
 * @param writeBack whether the guest's changes are copied back to {@code hostPath} after the run
 * @param hideCleanupFiles whether files named {@code *.cleanup} (leftovers of other runtimes, in conformance
 *        suites) are left out of the guest's copy
 * @param readOnly whether the guest is refused every change inside it, as a read-only preopen refuses them
 */
@API(status = INTERNAL, since = "0.1")
public record Mount(String guestPath, Path hostPath, boolean writeBack, boolean hideCleanupFiles, boolean readOnly) {

    /** The forms {@link #parse} takes, for messages. */
    private static final String FORMS = "HOST::/GUEST, HOST::/GUEST:ro or ::/GUEST";

    private static final String SEPARATOR = "::";
    private static final String READ_ONLY = ":ro";

    /**
     * A mount as tests write one ({@code @WasmGuest(dirs)}): {@code HOST::/GUEST} (read and write, changes copied
     * back), {@code HOST::/GUEST:ro} (read-only) or {@code ::/GUEST} (a fresh empty directory), where GUEST is a
     * {@linkplain #guestPath guest path}.
     *
     * @throws IllegalArgumentException saying what is wrong and which forms are taken
     */
    public static Mount parse(String text) {
        Written written = Written.of(text);
        if (written.host() == null || !isGuestPath(written.guest())) {
            throw new IllegalArgumentException("dirs entry \"" + text + "\" is not of the form " + FORMS);
        }
        if (written.host().isEmpty()) {
            if (written.readOnly()) {
                throw new IllegalArgumentException(
                        "dirs entry \"" + text + "\": a fresh directory cannot be read-only");
            }
            return temporary(written.guest());
        }
        Path host = Path.of(written.host());
        return written.readOnly() ? readOnly(written.guest(), host) : readWrite(written.guest(), host);
    }

    /**
     * A mount as the command line writes one, wasmtime's way: {@code --dir HOST::GUEST} (read and write),
     * {@code HOST::GUEST:ro} (read-only) or a bare {@code HOST} seen under its own name; {@code --fixture HOST::GUEST}
     * a private copy that never changes HOST. GUEST may be relative, as the wasi-testsuite adapters pass it.
     *
     * @param fixture whether this is a {@code --fixture}
     * @throws IllegalArgumentException saying what is wrong, for a usage message
     */
    public static Mount parseCommandLine(String text, boolean fixture) {
        Written written = Written.of(text);
        String host = written.host() == null ? written.guest() : written.host();
        boolean malformed = host.isEmpty()
                || written.guest().isEmpty()
                || (fixture && (written.host() == null || written.readOnly()));
        if (malformed) {
            throw new IllegalArgumentException((fixture
                            ? "--fixture takes HOST::GUEST"
                            : "--dir takes HOST::GUEST" + " (or HOST::GUEST:ro, or HOST)")
                    + ", got \"" + text + "\"");
        }
        Path hostPath = Path.of(host);
        if (fixture) {
            return fixture(written.guest(), hostPath);
        }
        return written.readOnly() ? readOnly(written.guest(), hostPath) : readWrite(written.guest(), hostPath);
    }

    /**
     * {@code path}, when it may name a directory the guest sees: absolute, without {@code ..}.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String guestPath(String path) {
        if (!isGuestPath(Objects.requireNonNull(path, "guestPath"))) {
            throw new IllegalArgumentException(
                    "guest directory must be an absolute path without '..', got \"" + path + "\"");
        }
        return path;
    }

    private static boolean isGuestPath(String path) {
        return path.startsWith("/") && !path.contains("..");
    }

    /**
     * A mount's text in its parts: {@code HOST::GUEST}, with {@code :ro} after GUEST for read-only.
     *
     * @param host what precedes {@code ::}; null when there is no {@code ::}
     */
    private record Written(String host, String guest, boolean readOnly) {

        static Written of(String text) {
            int separator = text.indexOf(SEPARATOR);
            String guest = separator < 0 ? text : text.substring(separator + SEPARATOR.length());
            boolean readOnly = guest.endsWith(READ_ONLY);
            return new Written(
                    separator < 0 ? null : text.substring(0, separator),
                    readOnly ? guest.substring(0, guest.length() - READ_ONLY.length()) : guest,
                    readOnly);
        }
    }

    public static Mount readWrite(String guestPath, Path hostPath) {
        return new Mount(guestPath, hostPath, true, false, false);
    }

    public static Mount readOnly(String guestPath, Path hostPath) {
        return new Mount(guestPath, hostPath, false, false, true);
    }

    public static Mount temporary(String guestPath) {
        return new Mount(guestPath, null, false, false, false);
    }

    /** A conformance-suite fixture: a private copy without {@code *.cleanup} files; the host copy never changes. */
    public static Mount fixture(String guestPath, Path hostPath) {
        return new Mount(guestPath, hostPath, false, true, false);
    }

    /** Where the directory lives in the run's private file system: the preopen name made absolute. */
    String location() {
        return guestPath.startsWith("/") ? guestPath : "/" + guestPath;
    }

    public boolean temporaryDirectory() {
        return hostPath == null;
    }
}
