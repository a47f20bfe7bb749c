package dev.wasmguest.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.load.LoadedModule;
import dev.wasmguest.internal.load.TestGuests;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs execute on the caller's thread; a guest that needs a deeper stack than the caller has is run again on a
 * large-stack thread, and a timeout stops a guest on the caller's thread without leaving that thread interrupted.
 */
class GuestExecutionTest {

    private static final long SMALL_STACK = 256 * 1024;

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void guestNestingDeeperThanTheCallersStackStillSucceeds(WasiEngine engine) throws Exception {
        LoadedModule guest = compile("nested-calls.wasm");

        WasiResult record = onThreadWithSmallStack(() -> TestGuests.run(guest, RunSpec.EMPTY.withEngine(engine)));

        assertThat(record.outcome()).as("trap: %s", record.trap()).isEqualTo(WasiOutcome.EXITED);
        assertThat(record.exitCode()).isZero();
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void timeoutStopsTheGuestAndLeavesTheCallerUninterrupted(WasiEngine engine) throws IOException {
        LoadedModule guest = compile("loop-branch.wasm");
        RunSpec spec = RunSpec.EMPTY
                .withEngine(engine)
                .withLimits(RunSpec.EMPTY.limits().withTimeout(Duration.ofMillis(200)));

        WasiResult record = TestGuests.run(guest, spec);

        assertThat(record.outcome()).isEqualTo(WasiOutcome.TIMED_OUT);
        assertThat(record.describeOutcome()).isEqualTo("timed out after 200 ms and was stopped");
        assertThat(record.duration()).isLessThan(Duration.ofSeconds(2));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(TestGuests.run(compile("seed.wasm"), RunSpec.EMPTY).outcome())
                .as("the next run on this thread")
                .isEqualTo(WasiOutcome.EXITED);
    }

    @Test
    void interruptingTheCallerStopsTheGuestAndStaysVisibleToTheCaller() throws Exception {
        LoadedModule guest = compile("loop-branch.wasm");
        RunSpec spec = RunSpec.EMPTY.withLimits(RunSpec.EMPTY.limits().withTimeout(Duration.ofSeconds(30)));
        guest.codeFor(
                spec.engine(), System.nanoTime() + Duration.ofMinutes(5).toNanos()); // the interrupt is for the run
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();

        WasiResult record = TestGuests.run(guest, spec);
        boolean interrupted = Thread.interrupted(); // read and clear, so the test leaves its thread clean
        interrupter.join();

        assertThat(record.outcome()).isEqualTo(WasiOutcome.TIMED_OUT);
        assertThat(record.describeOutcome())
                .startsWith("was stopped after ")
                .contains(" by an interrupt of its thread (such as JUnit's @Timeout)");
        assertThat(record.duration()).isLessThan(Duration.ofSeconds(10));
        assertThat(interrupted).as("the caller's interrupt is kept").isTrue();
    }

    private static <T> T onThreadWithSmallStack(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        result.complete(work.call());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                },
                "small stack",
                SMALL_STACK);
        thread.start();
        return result.get(60, TimeUnit.SECONDS);
    }

    private static LoadedModule compile(String name) {
        return TestGuests.prepare(TestGuests.resource(name));
    }
}
