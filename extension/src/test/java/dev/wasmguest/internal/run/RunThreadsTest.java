package dev.wasmguest.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The large-stack threads say what ended a wait: the work, the timeout or the caller's interrupt; and a stopped
 * guest gets its grace to unwind even when an interrupt stopped it.
 */
class RunThreadsTest {

    private final RunThreads threads = new RunThreads("run threads test");

    @Test
    void workThatEndsInTimeWasStoppedByNothing() {
        assertThat(threads.onLargeStack(() -> {}, TimeUnit.SECONDS.toNanos(10), () -> {}, "quick"))
                .isEqualTo(StoppedBy.NOTHING);
    }

    @Test
    void workPastTheTimeoutIsStoppedByTheTimeout() {
        AtomicBoolean stopping = new AtomicBoolean();

        StoppedBy stop = threads.onLargeStack(
                RunThreadsTest::sleepUntilInterrupted,
                TimeUnit.MILLISECONDS.toNanos(50),
                () -> stopping.set(true),
                "sleeper");

        assertThat(stop).isEqualTo(StoppedBy.OWN_TIMEOUT);
        assertThat(stopping).isTrue();
    }

    @Test
    void anInterruptOfTheCallerStopsTheWorkAndWaitsForItToUnwind() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean unwound = new AtomicBoolean();
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();

        StoppedBy stop = threads.onLargeStack(
                () -> {
                    started.countDown();
                    sleepUntilInterrupted();
                    sleepUninterruptibly(100); // a guest that takes a while to unwind
                    unwound.set(true);
                },
                TimeUnit.SECONDS.toNanos(30),
                () -> {},
                "slow to unwind");
        boolean interrupted = Thread.interrupted(); // read and clear, so the test leaves its thread clean
        interrupter.join();

        assertThat(stop).isEqualTo(StoppedBy.INTERRUPT);
        assertThat(unwound)
                .as("the work unwound within the grace, though the caller was interrupted")
                .isTrue();
        assertThat(interrupted).as("the caller's interrupt is kept").isTrue();
    }

    private static void sleepUntilInterrupted() {
        try {
            Thread.sleep(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            // stopped, as meant
        }
    }

    private static void sleepUninterruptibly(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() - end < 0) {
            try {
                Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                // keep sleeping: this work ignores interrupts while it unwinds
            }
        }
    }
}
