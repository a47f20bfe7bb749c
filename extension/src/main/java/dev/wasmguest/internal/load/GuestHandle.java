package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.util.Background;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A module that is resolved and prepared on first use, then shared. The work runs on a thread of its own, which
 * callers wait for: interrupting a caller (a run's timeout, JUnit's {@code @Timeout}) ends its wait, never a
 * download, a parse or a cache write that other callers share. Thread-safe: concurrent first uses prepare once. A
 * failed preparation is not remembered, so a later use tries again (a network may come back).
 */
@API(status = INTERNAL, since = "0.1")
public final class GuestHandle {

    private final ModuleSource source;
    private final Function<Consumer<ModuleInterface>, PreparedGuest> preparation;
    private final AtomicReference<Attempt> attempt = new AtomicReference<>();

    /** One preparation: what the module exports and imports is known first, the prepared module later. */
    private record Attempt(CompletableFuture<ModuleInterface> shape, CompletableFuture<PreparedGuest> prepared) {}

    /**
     * @param preparation prepares the module, telling the consumer what it exports and imports as soon as that is
     *        known
     */
    GuestHandle(ModuleSource source, Function<Consumer<ModuleInterface>, PreparedGuest> preparation) {
        this.source = source;
        this.preparation = preparation;
    }

    public ModuleSource source() {
        return source;
    }

    /**
     * The prepared guest, preparing it now if no earlier call did, however long that takes.
     *
     * @throws GuestResolutionException when the module cannot be prepared, or the caller was interrupted (its
     *         interrupt status is kept)
     */
    public PreparedGuest get() {
        try {
            return await(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestResolutionException(
                    source.describe(),
                    "interrupted while the module was being prepared;" + " the preparation goes on for later runs",
                    e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no deadline, no timeout", e);
        }
    }

    /**
     * The prepared guest, waiting for its preparation until {@code deadline} (a {@link System#nanoTime()} value).
     *
     * @throws InterruptedException when the caller is interrupted while waiting; the preparation goes on
     * @throws TimeoutException when the preparation is not done by then; it goes on
     * @throws GuestResolutionException when the module cannot be prepared
     */
    public PreparedGuest await(long deadline) throws InterruptedException, TimeoutException {
        Attempt current = preparing();
        return awaitPart(current, current.prepared(), deadline);
    }

    /**
     * What the module exports and imports, known once it is resolved, before it is parsed: a caller can refuse a
     * module that does not fit without waiting for the rest of its preparation, which goes on.
     *
     * @throws InterruptedException when the caller is interrupted while waiting; the preparation goes on
     * @throws TimeoutException when the module is not resolved by {@code deadline}; its preparation goes on
     * @throws GuestResolutionException when the module cannot be resolved or is malformed
     */
    public ModuleInterface awaitInterface(long deadline) throws InterruptedException, TimeoutException {
        Attempt current = preparing();
        return awaitPart(current, current.shape(), deadline);
    }

    private <T> T awaitPart(Attempt current, CompletableFuture<T> part, long deadline)
            throws InterruptedException, TimeoutException {
        try {
            return deadline == Long.MAX_VALUE
                    ? part.get()
                    : part.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            attempt.compareAndSet(current, null); // the next use tries again
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    private Attempt preparing() {
        while (true) {
            Attempt current = attempt.get();
            if (current != null) {
                return current;
            }
            CompletableFuture<ModuleInterface> shape = new CompletableFuture<>();
            Attempt started = new Attempt(shape, new CompletableFuture<>());
            if (attempt.compareAndSet(null, started)) {
                Background.start(
                        started.prepared(),
                        "wasmguest-prepare " + source.fileName(),
                        0,
                        () -> preparation.apply(shape::complete));
                // a preparation that failed before it knew the module's interface fails its waiters too
                started.prepared().whenComplete((guest, failure) -> {
                    if (failure != null) {
                        shape.completeExceptionally(failure);
                    }
                });
                return started;
            }
        }
    }
}
