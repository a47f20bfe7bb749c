package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
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
