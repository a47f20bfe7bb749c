package dev.wasmguest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.WasmGuest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a newcomer meets when a test is set up wrongly says what happened and what to do, through JUnit. */
class NewcomerMessagesTest {

    /** A user's test whose parameter's declaration is broken. */
    static class BrokenParameterDeclaration {
        @Test
        void neverRuns(@WasmGuest(url = "${no.such.key}/seed.wasm") WasiResult result) {}
    }

    @Test
    void aParameterIsNamedByItsPositionAndTypeNeverAsArg0() {
        String message = UserTests.failureMessage(UserTests.run(BrokenParameterDeclaration.class, Map.of()));

        assertThat(message)
                .containsPattern("^@WasmGuest on parameter 0( 'result')? \\(WasiResult\\) of neverRuns: ")
                .doesNotContain("arg0");
    }

    /** A user's test that JUnit's {@code @Timeout} stops while its guest runs, long before the run's own timeout. */
    @WasmGuest(url = "${guest.base}/loop-call.wasm")
    static class StoppedByJUnitsTimeout {
        static final AtomicReference<WasiResult> SEEN = new AtomicReference<>();

        @Test
        @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
        void runsForever(WasiRunner loop) {
            SEEN.set(loop.run());
        }
    }

    @Test
    void aGuestStoppedByJUnitsTimeoutSaysSoInsteadOfClaimingItsOwnTimeout() {
        UserTests.run(StoppedByJUnitsTimeout.class, Map.of()).assertStatistics(stats -> stats.failed(1));

        WasiResult stopped = StoppedByJUnitsTimeout.SEEN.get();
        assertThat(stopped.timedOut()).isTrue();
        assertThat(stopped.describeOutcome())
                .matches("was stopped after \\d+ ms by an interrupt of its thread \\(such as JUnit's @Timeout\\),"
                        + " before its own timeout of 60 s");
    }
}
