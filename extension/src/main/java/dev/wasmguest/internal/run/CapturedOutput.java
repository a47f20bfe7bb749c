package dev.wasmguest.internal.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * One captured output stream of a run: keeps at most {@code max} bytes and counts the rest as dropped. Once the
 * run is stopped, writes fail, so a guest flooding its output ends at its next write. Written by the guest's
 * thread, read after it ended.
 */
final class CapturedOutput extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long max;
    private final BooleanSupplier stopped;
    private long dropped;

    CapturedOutput(long max, BooleanSupplier stopped) {
        this.max = max;
        this.stopped = stopped;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (stopped.getAsBoolean()) {
            throw new RunStoppedException();
        }
        int room = (int) Math.max(0, Math.min(length, max - kept.size()));
        kept.write(bytes, offset, room);
        dropped += length - room;
    }

    synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    synchronized long droppedBytes() {
        return dropped;
    }
}
