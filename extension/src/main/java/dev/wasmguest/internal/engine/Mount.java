package dev.wasmguest.internal.engine;

import java.nio.file.Path;

/**
 * A directory the guest sees at {@code guestPath}.
 *
 * @param hostPath the host directory whose contents the guest sees; null for a fresh empty directory
 * @param writeBack whether the guest's changes are copied back to {@code hostPath} after the run
 */
public record Mount(String guestPath, Path hostPath, boolean writeBack) {

    public static Mount readWrite(String guestPath, Path hostPath) {
        return new Mount(guestPath, hostPath, true);
    }

    public static Mount readOnly(String guestPath, Path hostPath) {
        return new Mount(guestPath, hostPath, false);
    }

    public static Mount temporary(String guestPath) {
        return new Mount(guestPath, null, false);
    }

    public boolean temporaryDirectory() {
        return hostPath == null;
    }
}
