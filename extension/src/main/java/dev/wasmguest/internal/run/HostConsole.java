package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.InputStream;
import java.io.OutputStream;
import org.apiguardian.api.API;

/**
 * A process's own streams lent to a guest, as the command line lends its: the guest reads {@code stdin} as it
 * asks, and what it writes reaches {@code stdout} and {@code stderr} as it writes it, besides being captured (within
 * the same output limit). A guest run again from the start (after overflowing the caller's stack) does not write
 * the same bytes twice: each stream passes on only what goes beyond what it already passed on.
 */
@API(status = INTERNAL, since = "0.1")
public final class HostConsole {

    private final InputStream stdin;
    private final LiveOutput stdout;
    private final LiveOutput stderr;

    public HostConsole(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this.stdin = stdin;
        this.stdout = new LiveOutput(stdout);
        this.stderr = new LiveOutput(stderr);
    }

    InputStream stdin() {
        return stdin;
    }

    LiveOutput stdout() {
        return stdout;
    }

    LiveOutput stderr() {
        return stderr;
    }
}
