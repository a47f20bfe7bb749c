package dev.wasmguest.internal.run;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A host stream that receives a guest's output while it runs. Attempts of one run write at positions counted from
 * the stream's start; bytes at positions already passed on are not passed on again. A host stream that fails (a
 * closed pipe) stops receiving; the guest and its captured output go on.
 */
final class LiveOutput {

    private final OutputStream target;
    private long passedOn;
    private boolean failed;

    LiveOutput(OutputStream target) {
        this.target = target;
    }

    /** Passes on what of {@code bytes[offset, offset + length)}, found at {@code position}, is new. */
    synchronized void write(long position, byte[] bytes, int offset, int length) {
        long skip = Math.min(length, Math.max(0, passedOn - position));
        if (failed || skip == length) {
            return;
        }
        try {
            target.write(bytes, offset + (int) skip, length - (int) skip);
            target.flush();
            passedOn = position + length;
        } catch (IOException e) {
            failed = true;
        }
    }
}
