package dev.wasmguest.internal.util;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own, for the few long tasks a module's preparation splits into. A thread
 * per task, not a pool: such tasks come once per module and JVM, and JDK's common pool has a single worker on a
 * two-core machine, which would run them one after the other.
 */
public final class Background {

    private Background() {
    }

    /** Starts {@code task} now on a new daemon thread named {@code name}; its failure completes the future. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
