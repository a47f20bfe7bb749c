package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.resolve.ModuleLoadException;
import dev.wasmguest.internal.source.ModuleSource;
import dev.wasmguest.internal.util.Background;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
    private final Supplier<PreparedGuest> preparation;
    private final AtomicReference<CompletableFuture<PreparedGuest>> prepared = new AtomicReference<>();

    GuestHandle(ModuleSource source, Supplier<PreparedGuest> preparation) {
        this.source = source;
        this.preparation = preparation;
    }

    public ModuleSource source() {
        return source;
    }

    /**
     * The prepared guest, preparing it now if no earlier call did, however long that takes.
     *
     * @throws ModuleLoadException when the module cannot be prepared, or the caller was interrupted (its
     *         interrupt status is kept)
     */
    public PreparedGuest get() {
        try {
            return await(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleLoadException(
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
     * @throws ModuleLoadException when the module cannot be prepared
     */
    public PreparedGuest await(long deadline) throws InterruptedException, TimeoutException {
        CompletableFuture<PreparedGuest> current = preparing();
        try {
            return deadline == Long.MAX_VALUE
                    ? current.get()
                    : current.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            prepared.compareAndSet(current, null); // the next use tries again
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

    private CompletableFuture<PreparedGuest> preparing() {
        while (true) {
            CompletableFuture<PreparedGuest> current = prepared.get();
            if (current != null) {
                return current;
            }
            CompletableFuture<PreparedGuest> started = new CompletableFuture<>();
            if (prepared.compareAndSet(null, started)) {
                return Background.start(started, "wasmguest-prepare " + source.fileName(), 0, preparation);
            }
        }
    }
}
