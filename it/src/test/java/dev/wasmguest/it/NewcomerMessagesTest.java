package dev.wasmguest.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What a newcomer meets when a test is set up wrongly says what happened and what to do, through JUnit. */
class NewcomerMessagesTest {

    /** A user's test that asks for a result without saying of which module. */
    static class NoDeclaration {
        @Test
        void needsAGuest(WasiResult result) {}
    }

    @Test
    void aParameterWithNoWasmGuestInScopeIsExplainedBesideJUnitsMessage() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // The launcher as Surefire, IDEs and the ConsoleLauncher use it: it finds wasmguest's listener by itself.
        LauncherFactory.create()
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(NoDeclaration.class))
                                .build(),
                        new TestExecutionListener() {
                            @Override
                            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                                result.getThrowable().ifPresent(failure::set);
                            }
                        });

        assertThat(failure.get())
                .hasMessageStartingWith("No ParameterResolver registered for parameter [dev.wasmguest.WasiResult");
        assertThat(failure.get().getSuppressed())
                .singleElement()
                .extracting(Throwable::getMessage)
                .asString()
                .startsWith("a parameter of type WasiResult (in method void dev.wasmguest.it.NewcomerMessagesTest"
                        + "$NoDeclaration.needsAGuest(dev.wasmguest.WasiResult)) needs a @WasmGuest that names the"
                        + " module: put @WasmGuest(url = ...)")
                .contains("WasmGuestExtension.of(");
    }

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
