package dev.wasmguest.internal.resolve;

import dev.wasmguest.internal.util.Durations;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a response body from the HTTP client's publisher on the calling thread, with a bound on the wait for each
 * next chunk (the stall timeout) and on the total size. A body that stalls or grows too large is cancelled, which
 * closes the connection.
 */
final class BodyReader implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object COMPLETE = new Object();

    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;

    /** Something that watches the bytes arrive, e.g. to log progress. */
    interface Progress {
        void received(long bytesSoFar);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        signals.add(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        signals.add(failure);
    }

    @Override
    public void onComplete() {
        signals.add(COMPLETE);
    }

    /**
     * @param declared the Content-Length, or -1
     */
    byte[] readAll(long declared, Duration stallTimeout, long maxBytes, Progress progress) throws DownloadFailure {
        ByteArrayOutputStream body =
                new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, 1 << 26) : 1 << 16);
        try {
            while (true) {
                Object signal = signals.poll(stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (signal == null) {
                    throw DownloadFailure.transientFailure(
                            "no data for " + Durations.describe(stallTimeout) + " after " + body.size() + of(declared)
                                    + " bytes; the server stalled",
                            null);
                }
                if (signal == COMPLETE) {
                    if (declared >= 0 && body.size() != declared) {
                        throw DownloadFailure.transientFailure(
                                "body ended after " + body.size() + " of " + declared + " bytes; the connection broke",
                                null);
                    }
                    return body.toByteArray();
                }
                if (signal instanceof Throwable failure) {
                    throw DownloadFailure.transientFailure(
                            "body ended after " + body.size() + of(declared) + " bytes (" + failure.getMessage()
                                    + "); the connection broke",
                            failure);
                }
                for (ByteBuffer buffer : castBuffers(signal)) {
                    if (body.size() + (long) buffer.remaining() > maxBytes) {
                        throw DownloadFailure.permanent(
                                HttpFetcher.tooLarge(body.size() + (long) buffer.remaining(), maxBytes));
                    }
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    body.write(chunk, 0, chunk.length);
                }
                progress.received(body.size());
                subscription.request(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DownloadFailure.permanent("interrupted while downloading");
        } catch (DownloadFailure e) {
            cancel();
            throw e;
        }
    }

    /** The first bytes of the body, up to about {@code max}; the rest is not read. */
    byte[] readHead(int max, Duration stallTimeout) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (head.size() < max) {
                Object signal = signals.poll(stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
                if (signal == null || signal == COMPLETE || signal instanceof Throwable) {
                    break;
                }
                for (ByteBuffer buffer : castBuffers(signal)) {
                    byte[] chunk = new byte[Math.min(buffer.remaining(), max - head.size())];
                    buffer.get(chunk);
                    head.write(chunk, 0, chunk.length);
                }
                subscription.request(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cancel();
        return head.toByteArray();
    }

    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ByteBuffer> castBuffers(Object signal) {
        return (List<ByteBuffer>) signal;
    }

    private static String of(long declared) {
        return declared >= 0 ? " of " + declared : "";
    }
}
