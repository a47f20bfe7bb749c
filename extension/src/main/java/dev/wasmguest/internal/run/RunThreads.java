package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.util.Lazy;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The threads behind one module's runs: the timer that stops them at their timeouts, and the large-stack threads
 * for guests whose calls nest deeper than their caller's stack allows. Both are daemons, made on first use, named
 * after the module (for thread dumps) and ended after 30 s without work. Shared by every runner of the module;
 * thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunThreads {

    /**
     * Deep guest recursion must end in a trap, not in a {@link StackOverflowError}: the interpreter recurses on the
     * JVM stack, so with this stack a guest meets its own limits first.
     */
    static final long STACK_BYTES = 256L * 1024 * 1024;

    /** How long a stopped guest may take to unwind before the run is reported as leaving a thread behind. */
    static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(RunThreads.class.getName());

    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int STOPPING = 2;
    private static final int STOPPED = 3;

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

    /**
     * A run made here, on the caller's thread, or, when it overflowed this stack ({@code here} gives nothing), made
     * again from the start by {@code again} on a large-stack thread. An interrupted caller goes there at once, where
     * the interrupt stops the run before it starts.
     *
     * @param what the guest, for the log
     */
    <T> T hereOrOnLargeStack(Supplier<Optional<T>> here, Supplier<T> again, String what) {
        if (!Thread.currentThread().isInterrupted()) {
            Optional<T> result = here.get();
            if (result.isPresent()) {
                return result.get();
            }
            LOG.log(
                    Level.DEBUG,
                    () -> what + " overflowed the caller's stack; running it again on a thread with a "
                            + STACK_BYTES / (1024 * 1024) + " MiB stack");
        }
        return again.get();
    }

    /**
     * Runs {@code work} here, on the caller's thread, because handing a run to another thread and back costs more
     * than a tiny guest's whole run. At {@code deadlineNanos} ({@link System#nanoTime()}'s clock) a timer calls
     * {@code stopping}, which sets the guest's stop flag, and interrupts this thread; that interrupt is cleared
     * before this returns, as it was meant for the guest. An interrupt from anyone else stops the guest and stays set.
     *
     * @param ending where {@code work} records how the guest ended
     * @return what stopped the work ({@link StoppedBy#NOTHING} when nothing did); empty when it overflowed this stack
     *         and must be made again on a large-stack thread
     */
    Optional<StoppedBy> onCallerThread(Runnable work, long deadlineNanos, Runnable stopping, GuestEnding ending) {
        Thread caller = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        Deadlines.Alarm alarm = deadlines().watch(deadlineNanos, () -> {
            if (state.compareAndSet(RUNNING, STOPPING)) {
                stopping.run();
                caller.interrupt();
                state.set(STOPPED);
            }
        });
        boolean timedOut;
        try {
            work.run();
        } finally {
            timedOut = endWatch(state, alarm); // also when work.run() throws: no stray interrupt may follow
        }
        if (timedOut) {
            return Optional.of(StoppedBy.OWN_TIMEOUT);
        }
        if (ending.overflowedStack) {
            return Optional.empty();
        }
        if (ending.interrupted) {
            caller.interrupt(); // someone else interrupted the caller: stop, and let it see it too
            return Optional.of(StoppedBy.INTERRUPT);
        }
        return Optional.of(StoppedBy.NOTHING);
    }

    /** Ends the timer's watch over work on the caller's thread; true when the timer stopped it. */
    private static boolean endWatch(AtomicInteger state, Deadlines.Alarm alarm) {
        if (state.compareAndSet(RUNNING, FINISHED)) {
            alarm.cancel();
            return false;
        }
        while (state.get() != STOPPED) {
            Thread.onSpinWait(); // the timer is between its decision and its interrupt: nanoseconds
        }
        Thread.interrupted();
        return true;
    }

    /**
     * Runs {@code work} on a thread with a {@link #STACK_BYTES} stack and waits for it at most {@code timeoutNanos}.
     * Past that, or when the waiting thread is interrupted (its interrupt status is kept), {@code stopping} sets the
     * guest's stop flag, the work is interrupted and given {@link #STOP_GRACE} to end.
     *
     * @param source the module, for the warning about a guest that does not stop
     * @return {@link StoppedBy#NOTHING} when the work ended in time, else what stopped it
     */
    StoppedBy onLargeStack(Runnable work, long timeoutNanos, Runnable stopping, String source) {
        CountDownLatch ended = new CountDownLatch(1);
        Future<?> running = largeStack.get().submit(() -> {
            try {
                work.run();
            } finally {
                ended.countDown();
            }
        });
        StoppedBy stop = awaitEnd(ended, timeoutNanos, TimeUnit.NANOSECONDS);
        if (!stop.stopped()) {
            return stop;
        }
        stopping.run();
        running.cancel(true);
        // Compiled code notices the interrupt; the interpreter the stop flag at its next instruction
        // (GuestSandbox#instance); output calls check it too.
        if (!awaitStop(ended)) {
            LOG.log(
                    Level.WARNING,
                    "Guest module " + source + " did not stop within " + STOP_GRACE.toMillis()
                            + " ms of its timeout; its thread is still running");
        }
        return stop;
    }

    /** Waits for the work: whether it ended in time, or what ended the wait. An interrupt stays set. */
    private static StoppedBy awaitEnd(CountDownLatch ended, long timeout, TimeUnit unit) {
        try {
            return ended.await(timeout, unit) ? StoppedBy.NOTHING : StoppedBy.OWN_TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StoppedBy.INTERRUPT;
        }
    }

    /**
     * Gives stopped work {@link #STOP_GRACE} to end; true when it did. The wait ignores interrupts, which would
     * otherwise cut it short when the caller's interrupt is what stopped the guest; they stay set.
     */
    private static boolean awaitStop(CountDownLatch ended) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        try {
            while (true) {
                try {
                    return ended.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
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
