package dev.wasmguest.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One holder at a time, within this JVM too; a waiter gets the lock when it is released, or gives up after its
 * timeout with a message naming the file. Another JVM's hold is the OS file lock, which the cache tests of the it
 * module exercise across JVMs.
 */
class CacheLockTest {

    @TempDir
    Path cache;

    @Test
    void aSecondHolderWaitsUntilTheFirstReleases() throws Exception {
        Path file = cache.resolve("locks/module.lock");
        CacheLock first = CacheLock.acquire(file, Duration.ofSeconds(5));
        CountDownLatch waiting = new CountDownLatch(1);

        CompletableFuture<CacheLock> second = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return CacheLock.acquire(file, Duration.ofSeconds(10));
            } catch (TimeoutException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();
        Thread.sleep(100);
        assertThat(second).as("held by the first").isNotDone();

        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        assertThat(file)
                .as("lock files stay: deleting them would race with the next holder")
                .exists();
    }

    @Test
    void aWaitLongerThanTheTimeoutFailsNamingTheFile() throws Exception {
        Path file = cache.resolve("module.lock");
        CacheLock held = CacheLock.acquire(file, Duration.ofSeconds(5));
        try {
            long start = System.nanoTime();

            assertThatThrownBy(() -> CompletableFuture.supplyAsync(() -> {
                                try {
                                    return CacheLock.acquire(file, Duration.ofMillis(200));
                                } catch (TimeoutException | InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                            })
                            .join())
                    .hasRootCauseInstanceOf(TimeoutException.class)
                    .rootCause()
                    .hasMessage("another thread or JVM held the cache lock " + file + " for more than 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            held.close();
        }
    }

    @Test
    void aReleasedLockCanBeTakenAgainAtOnce() throws Exception {
        Path file = cache.resolve("module.lock");
        CacheLock.acquire(file, Duration.ofSeconds(1)).close();

        CacheLock again = CacheLock.acquire(file, Duration.ZERO);
        again.close();
        assertThat(file).exists();
    }
}
