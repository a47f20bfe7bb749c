package dev.wasmguest.internal.util;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Work started on a daemon thread of its own, for the few long tasks a module's preparation splits into. A thread
 * per task, not a pool: such tasks come once per module and JVM, and JDK's common pool has a single worker on a
 * two-core machine, which would run them one after the other.
 */
@API(status = INTERNAL, since = "0.1")
public final class Background {

    private Background() {}

    /** Starts {@code task} now on a new daemon thread named {@code name}; its failure completes the future. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> task) {
        return start(new CompletableFuture<>(), name, 0, task);
    }

    /**
     * Starts {@code task} as above on a thread with a stack of {@code stackBytes} (0: the JVM's default),
     * completing {@code result}, which the caller made (and may have published).
     */
    public static <T> CompletableFuture<T> start(
            CompletableFuture<T> result, String name, long stackBytes, Supplier<T> task) {
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        result.complete(task.get());
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                },
                name,
                stackBytes);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
