package dev.wasmguest.internal.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fires an action at each watched deadline, unless it was cancelled first. Thread-safe.
 *
 * <p>Built for many short runs that almost always end in time: watching and cancelling cost a set insertion and
 * removal. A timer task is (re)scheduled only when a new deadline is earlier than the next planned check, which
 * for runs with the same timeout is almost never; scheduling a timer task per run woke the timer thread every
 * time and cost a fifth of a tiny guest's run. One daemon thread, ended after 30 s without work.
 */
final class Deadlines {

    private final ScheduledThreadPoolExecutor timer;
    private final Set<Alarm> alarms = ConcurrentHashMap.newKeySet();
    private final Object planLock = new Object();
    /** Guarded by planLock: the next planned check, or null while none is planned or one is running. */
    private ScheduledFuture<?> nextCheck;
    /** Guarded by planLock: when {@link #nextCheck} runs. */
    private long nextCheckAt;

    Deadlines(String threadName) {
        timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** A deadline: its action runs on the timer thread once {@link System#nanoTime()} passes it. */
    final class Alarm {
        private final long deadline;
        private final Runnable action;

        private Alarm(long deadline, Runnable action) {
            this.deadline = deadline;
            this.action = action;
        }

        /** The action will not run, unless it already did or is running. */
        void cancel() {
            alarms.remove(this);
        }
    }

    /** Runs {@code action} when {@code deadline} (a {@link System#nanoTime()} value) has passed. */
    Alarm watch(long deadline, Runnable action) {
        Alarm alarm = new Alarm(deadline, action);
        alarms.add(alarm);
        synchronized (planLock) {
            if (nextCheck == null || deadline - nextCheckAt < 0) {
                plan(deadline);
            }
        }
        return alarm;
    }

    private void check() {
        synchronized (planLock) {
            nextCheck = null; // deadlines watched from now on plan their own check
        }
        long now = System.nanoTime();
        boolean pending = false;
        long earliest = 0;
        for (Alarm alarm : alarms) {
            if (alarm.deadline - now <= 0) {
                if (alarms.remove(alarm)) {
                    alarm.action.run();
                }
            } else if (!pending || alarm.deadline - earliest < 0) {
                pending = true;
                earliest = alarm.deadline;
            }
        }
        if (pending) {
            synchronized (planLock) {
                if (nextCheck == null || earliest - nextCheckAt < 0) {
                    plan(earliest);
                }
            }
        }
    }

    private void plan(long at) {
        if (nextCheck != null) {
            nextCheck.cancel(false);
        }
        nextCheckAt = at;
        nextCheck = timer.schedule(this::check, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
