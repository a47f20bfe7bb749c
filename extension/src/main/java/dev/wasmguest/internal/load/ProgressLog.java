package dev.wasmguest.internal.load;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Tells the log about a long piece of preparation: nothing for one that ends within {@link #QUIET}, else a line
 * when it has taken that long (what it is doing), one every {@link #EVERY} while it goes on, and one when it ends.
 * Short ones end with a DEBUG line. Thread-safe; the reminders run on the JDK's shared delay scheduler, so no
 * thread is kept for them.
 */
final class ProgressLog {

    static final Duration QUIET = Duration.ofSeconds(2);
    static final Duration EVERY = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(ProgressLog.class.getName());

    /** Runs a task after a delay; the JDK's shared delay scheduler, or a test's hand. */
    @FunctionalInterface
    interface Timer {
        Timer JDK = (delay, task) -> CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(task);

        void after(Duration delay, Runnable task);
    }

    private final String subject;
    private final Supplier<String> activity;
    private final Duration every;
    private final Timer timer;
    private final long start = System.nanoTime();
    private boolean announced;
    private boolean ended;

    private ProgressLog(String subject, Supplier<String> activity, Duration every, Timer timer) {
        this.subject = subject;
        this.activity = activity;
        this.every = every;
        this.timer = timer;
    }

    /**
     * Starts watching.
     *
     * @param subject what the lines are about, e.g. {@code Guest module x.wasm (31.2 MB)}
     * @param activity what is being done, e.g. {@code translating it to JVM bytecode}; asked each time a line
     *        is written
     */
    static ProgressLog start(String subject, Supplier<String> activity) {
        return start(subject, activity, QUIET, EVERY, Timer.JDK);
    }

    /**
     * Like {@link #start(String, Supplier)}, quiet for {@code quiet}, then a line every {@code every}, as
     * {@code timer} schedules them.
     */
    static ProgressLog start(String subject, Supplier<String> activity, Duration quiet, Duration every, Timer timer) {
        ProgressLog log = new ProgressLog(subject, activity, every, timer);
        log.remindAfter(quiet);
        return log;
    }

    /** Ends the watch; {@code outcome} says how, e.g. {@code translated; cached in /path}. */
    void end(Supplier<String> outcome) {
        boolean wasAnnounced;
        synchronized (this) {
            ended = true;
            wasAnnounced = announced;
        }
        LOG.log(wasAnnounced ? Level.INFO : Level.DEBUG, () -> subject + ": " + outcome.get() + " after " + seconds());
    }

    private void remindAfter(Duration delay) {
        timer.after(delay, this::remind);
    }

    private void remind() {
        boolean first;
        synchronized (this) {
            if (ended) {
                return;
            }
            first = !announced;
            announced = true;
        }
        LOG.log(Level.INFO, subject + ": " + activity.get() + (first ? "" : ", still, after " + seconds()));
        remindAfter(every);
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9);
    }
}
