package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.util.Lazy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The threads behind one module's runs: the timer that stops them at their timeouts, and the large-stack threads
 * for guests whose calls nest deeper than their caller's stack allows. Both are daemons, made on first use, named
 * after the module (for thread dumps) and ended after 30 s without work. Shared by every runner of the module;
 * thread-safe.
 */
@API(status = INTERNAL, since = "0.2")
public final class RunThreads {

    /**
     * Deep guest recursion must end in a trap, not in a {@link StackOverflowError}: the interpreter recurses on the
     * JVM stack, so with this stack a guest meets its own limits first.
     */
    static final long STACK_BYTES = 256L * 1024 * 1024;

    private final String moduleName;
    private final Lazy<Deadlines> deadlines;
    private final Lazy<ExecutorService> largeStack;

    /** @param moduleName the module's file name, e.g. {@code seed.wasm} */
    public RunThreads(String moduleName) {
        this.moduleName = moduleName;
        this.deadlines = Lazy.of(() -> new Deadlines("wasmguest-timer " + moduleName));
        this.largeStack = Lazy.of(this::newLargeStackThreads);
    }

    /** Stops this module's runs at their timeouts. */
    Deadlines deadlines() {
        return deadlines.get();
    }

    /** Threads with a {@link #STACK_BYTES} stack, made on demand. */
    ExecutorService largeStack() {
        return largeStack.get();
    }

    private ExecutorService newLargeStackThreads() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread =
                    new Thread(null, task, "wasmguest " + moduleName + " #" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }
}
