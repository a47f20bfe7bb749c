package dev.wasmguest.internal.run;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One captured output stream of a run: keeps at most {@code max} bytes and counts the rest as dropped, and passes
 * what it keeps on to a host stream when it has one. Once the run is stopped, writes fail, so a guest flooding its
 * output ends at its next write. Written by the guest's thread, read after it ended.
 */
final class CapturedOutput extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long max;
    private final BooleanSupplier stopped;
    private final Optional<LiveOutput> live;
    private long dropped;

    CapturedOutput(long max, BooleanSupplier stopped) {
        this(max, stopped, Optional.empty());
    }

    CapturedOutput(long max, BooleanSupplier stopped, Optional<LiveOutput> live) {
        this.max = max;
        this.stopped = stopped;
        this.live = live;
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
        int position = kept.size();
        kept.write(bytes, offset, room);
        live.ifPresent(host -> host.write(position, bytes, offset, room));
        dropped += length - room;
    }

    synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    synchronized long droppedBytes() {
        return dropped;
    }
}
