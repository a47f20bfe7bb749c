package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every guest ends in a bounded time with a truthful result, in both execution modes: infinite loops time out and
 * leave no busy thread, memory growth stops at the limit, floods are capped, traps are traps.
 */
class LimitsTest {

    private static WasiRunner guest(String name, WasiEngine engine) {
        return WasiRunner.fromResource("guests/" + name + ".wasm").withEngine(engine);
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void loopWithCallsTimesOutAndStops(WasiEngine engine) throws InterruptedException {
        assertLoopStops(guest("loop-call", engine), "looping with calls");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void callFreeLoopWithConditionalBackEdgeTimesOutAndStops(WasiEngine engine) throws InterruptedException {
        assertLoopStops(guest("loop-branch", engine), "looping without calls");
    }

    private static void assertLoopStops(WasiRunner loop, String firstLine) throws InterruptedException {
        Duration timeout = Duration.ofMillis(500);

        WasiResult result = loop.withTimeout(timeout).run();

        assertThat(result).timedOut().failed().stdout().isEqualTo(firstLine + "\n");
        assertThat(result.outcome()).isEqualTo(WasiOutcome.TIMED_OUT);
        assertThat(result.exitCode()).isEqualTo(WasiResult.NO_EXIT_CODE);
        assertThat(result.duration()).isLessThan(timeout.plusSeconds(1));
        assertThat(result.describeOutcome()).isEqualTo("timed out after 500 ms and was stopped");
        assertNoGuestThreadKeepsRunning();
    }

    /** The proof that a stopped guest burns no CPU: no guest thread is alive, or, if one is, it uses no CPU time. */
    private static void assertNoGuestThreadKeepsRunning() throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Thread> guests = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("wasmguest ") && thread.isAlive())
                .collect(Collectors.toList());
        for (Thread thread : guests) {
            long before = threads.getThreadCpuTime(thread.getId());
            thread.join(200);
            long after = threads.getThreadCpuTime(thread.getId());
            assertThat(thread.isAlive() && after - before > 10_000_000)
                    .as("guest thread %s still burns CPU: %d ns in 200 ms", thread.getName(), after - before)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void memoryBombStopsAtTheLimit(WasiEngine engine) {
        WasiResult result =
                guest("membomb", engine).withMaxMemory(16L * 1024 * 1024).run();

        assertThat(result).succeeded().stdout().matches("malloc failed after 1[0-5] MiB\\n");
        assertThat(result.memoryBytes()).isLessThanOrEqualTo(16L * 1024 * 1024);
        assertThat(result.maxMemoryBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(result.memoryBytes())
                .as("within the last 1 MiB block of the limit")
                .isGreaterThan(15L * 1024 * 1024);
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void moduleNeedingMoreInitialMemoryThanTheLimitIsRefused(WasiEngine engine) {
        assertThatThrownBy(() -> guest("seed", engine).withMaxMemory(64 * 1024).run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("guest module classpath:guests/seed.wasm needs 131072 bytes of initial memory"
                        + " (2 pages), more than the memory limit of 65536 bytes; raise maxMemory");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void floodIsCappedAndStoppedByTheTimeout(WasiEngine engine) {
        WasiResult result = guest("flood", engine)
                .withMaxOutput(64 * 1024)
                .withTimeout(Duration.ofMillis(500))
                .run();

        assertThat(result).timedOut();
        assertThat(result.stdoutBytes()).hasSize(64 * 1024);
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stdoutDroppedBytes()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void finiteFloodPastTheCapExitsTruncated(WasiEngine engine) {
        WasiResult result = guest("flood", engine).withMaxOutput(1000).run("64");

        assertThat(result).succeeded();
        assertThat(result.stdoutBytes()).hasSize(1000);
        assertThat(result.stdoutDroppedBytes()).isEqualTo(64L * 1024 * 1024 - 1000);
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void deepCRecursionExhaustsTheGuestsOwnStack(WasiEngine engine) {
        WasiResult result =
                guest("recursion", engine).withTimeout(Duration.ofSeconds(30)).run();

        // C keeps its stack in linear memory; running off its bottom is an out-of-bounds access.
        assertThat(result).hasTrapMessageContaining("out of bounds memory access");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void boundedRecursionSucceeds(WasiEngine engine) {
        assertThat(guest("recursion", engine).run("1000")).succeeded().stdout().isEqualTo("reached depth 1000\n");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void endlessCallsExhaustTheCallStackAsATrap(WasiEngine engine) {
        WasiResult result =
                guest("deep-calls", engine).withTimeout(Duration.ofSeconds(30)).run();

        assertThat(result).hasTrapMessageContaining("call stack exhausted");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void divisionByZeroTraps(WasiEngine engine) {
        WasiResult result = guest("divzero", engine).run();

        assertThat(result)
                .hasTrapMessageContaining("integer divide by zero")
                .stdout()
                .isEqualTo("dividing by 0\n");
        assertThat(result.describeOutcome())
                .startsWith("trapped: integer divide by zero\nwasm backtrace, innermost first:\n  0: ");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void unreachableTraps(WasiEngine engine) {
        assertThat(guest("trap", engine).run()).hasTrapMessageContaining("unreachable");
    }
}
