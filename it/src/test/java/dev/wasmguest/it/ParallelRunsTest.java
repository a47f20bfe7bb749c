package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * One compiled guest, many runs at once: from a thread pool, and from JUnit's parallel execution. Each run has
 * its own instance, WASI context and output buffers, so no output crosses between runs.
 */
@Execution(ExecutionMode.CONCURRENT)
@WasmGuest(url = "${guest.base}/echo.wasm")
class ParallelRunsTest {

    @Test
    void manyRunsFromManyThreadsKeepTheirOwnOutput(WasiRunner echo) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<WasiResult>> runs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String input = "run " + i + "\n";
                runs.add(pool.submit(() -> echo.withStdin(input)
                        .withEnv("N", Integer.toString(input.length()))
                        .run("N")));
            }
            for (int i = 0; i < runs.size(); i++) {
                String input = "run " + i + "\n";
                assertThat(runs.get(i).get())
                        .succeeded()
                        .hasStdout(input)
                        .hasStderrContaining("env N=" + input.length());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @RepeatedTest(24)
    void concurrentTestsShareOneCompiledGuest(WasiRunner echo, RepetitionInfo repetition) {
        String input = "repetition " + repetition.getCurrentRepetition();
        assertThat(echo.withStdin(input).run()).succeeded().hasStdout(input);
    }
}
