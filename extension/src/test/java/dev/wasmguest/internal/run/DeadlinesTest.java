package dev.wasmguest.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Watched deadlines fire once, cancelled ones never, and a later deadline never delays an earlier one. */
class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines("deadlines test");

    @Test
    void firesAtTheDeadline() throws InterruptedException {
        CountDownLatch fired = new CountDownLatch(1);
        long start = System.nanoTime();

        deadlines.watch(start + TimeUnit.MILLISECONDS.toNanos(50), fired::countDown);

        assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void cancelledAlarmNeverFires() throws InterruptedException {
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch control = new CountDownLatch(1);

        deadlines
                .watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), fired::incrementAndGet)
                .cancel();
        deadlines.watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(60), control::countDown);

        assertThat(control.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(fired).hasValue(0);
    }

    @Test
    void earlierDeadlineWatchedAfterALaterOneFiresFirst() throws InterruptedException {
        List<String> order = new ArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        long now = System.nanoTime();

        deadlines.watch(now + TimeUnit.SECONDS.toNanos(1), () -> {
            synchronized (order) {
                order.add("late");
            }
            both.countDown();
        });
        deadlines.watch(now + TimeUnit.MILLISECONDS.toNanos(30), () -> {
            synchronized (order) {
                order.add("early");
            }
            both.countDown();
        });

        assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("early", "late");
    }

    @Test
    void manyAlarmsFromManyThreadsEachFireOnce() throws InterruptedException {
        int count = 400;
        AtomicInteger fired = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(count);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < count / 8; i++) {
                    deadlines.watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(i % 7), () -> {
                        fired.incrementAndGet();
                        all.countDown();
                    });
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(fired).hasValue(count);
    }
}
