package dev.wasmguest.it;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one {@link GuestServer} for the whole test run and publishes its address as the system property
 * {@code guest.base}, which tests use as {@code @WasmGuest(url = "${guest.base}/seed.wasm")} — the way a user
 * points tests at an artifact server. A {@code guest.base} given on the command line wins.
 */
public final class GuestServerSession implements LauncherSessionListener {

    private GuestServer server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("guest.base") != null) {
            return;
        }
        server = new GuestServer(guestsDirectory()).start();
        System.setProperty("guest.base", server.baseUrl());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.close();
            System.clearProperty("guest.base");
        }
    }

    /** The committed guests: {@code guests.dir} as Maven passes it, else {@code ../guests/wasm}. */
    static Path guestsDirectory() {
        return Path.of(System.getProperty("guests.dir", "../guests/wasm"));
    }
}
