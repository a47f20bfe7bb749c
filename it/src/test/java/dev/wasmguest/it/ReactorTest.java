package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.GuestResolutionException;
import dev.wasmguest.UnknownImports;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiInstance;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Library modules (WASI reactors: {@code _initialize} and exported functions, no {@code _start}) are instantiated
 * once and their functions called with numbers, sandboxed and bounded like runs, in both engines.
 */
class ReactorTest {

    private static WasiRunner counter(WasiEngine engine) {
        return guest("counter", engine).withUnknownImports(UnknownImports.TRAP);
    }

    private static WasiRunner guest(String name, WasiEngine engine) {
        return WasiRunner.fromResource("guests/" + name + ".wasm").withEngine(engine);
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void initializesOnceThenKeepsItsStateBetweenCalls(WasiEngine engine) {
        try (WasiInstance library = counter(engine).instantiate()) {
            assertThat(library.initialization()).succeeded().hasStdout("initialized\n");
            assertThat(library.call("count")).succeeded().returned(101).hasStdout("count 101\n");
            assertThat(library.call("count")).returned(102).hasStdout("count 102\n");
            assertThat(library.call("add", 2, 3)).returned(5).hasStdout("");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void eachCallHasTheCoverageOfWhatItRan(WasiEngine engine) {
        // Not a @TempDir: the coverage files are written in the background, maybe after the test.
        try (WasiInstance library =
                counter(engine).withCoverage(Path.of("target", "coverage")).instantiate()) {
            assertThat(library.initialization()).reachedFunction("start_counting");
            assertThat(library.call("count")).reachedFunction("count").didNotReachFunction("start_counting");
            assertThat(library.call("add", 2, 3))
                    .returned(5)
                    .reachedFunction("add")
                    .didNotReachFunction("count");
            assertThat(library.call("count").coverage().orElseThrow().functionCalls("count"))
                    .hasValue(1);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void convertsArgumentsAndResultsByTheFunctionsTypes(WasiEngine engine) {
        try (WasiInstance library = counter(engine).instantiate()) {
            WasiResult mean = library.call("mean", 1, 2.5);
            assertThat(mean.returnValues()).containsExactly(1.75);
            assertThat(library.call("widen", 3).returnValues()).containsExactly(3_000_000_000L);
            assertThat(library.call("widen", 3)).returned(3_000_000_000L);
            assertThat(library.call("add", -1, 1)).returned(0);
            assertThat(library.call("add", 1, 1).describeOutcome()).isEqualTo("returned [2]");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aTrapIsACallsResultWithItsBacktraceAndTheInstanceGoesOn(WasiEngine engine) {
        try (WasiInstance library = counter(engine).instantiate()) {
            WasiResult crash = library.call("crash");

            assertThat(crash).trapped().hasTrapMessageContaining("unreachable");
            assertThat(crash.trapBacktrace())
                    .first()
                    .satisfies(frame -> assertThat(frame.functionName()).hasValue("crash"));
            assertThat(library.call("add", 1, 2)).returned(3);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aStartFunctionThatTrapsIsATrappedInitializationNotAnException(WasiEngine engine) {
        try (WasiInstance library = guest("start-trap", engine).instantiate()) {
            assertThat(library.initialization()).trapped().hasTrapMessageContaining("unreachable");
            assertThatThrownBy(() -> library.call("answer"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("guest module classpath:guests/start-trap.wasm cannot be called any more: its"
                            + " instantiation (start function and data) trapped: Trapped on unreachable instruction");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aStartFunctionThatNeverEndsIsStoppedByTheRunnersTimeout(WasiEngine engine) {
        try (WasiInstance library =
                guest("start-loop", engine).withTimeout(Duration.ofMillis(300)).instantiate()) {
            assertThat(library.initialization()).timedOut();
            assertThat(library.initialization().describeOutcome()).isEqualTo("timed out after 300 ms and was stopped");
            assertThatThrownBy(() -> library.call("answer")).hasMessageContaining("its instantiation");
        }
    }

    @Test
    void aCallHasTheRunnersTimeoutAndAStoppedInstanceRefusesMoreCalls() {
        try (WasiInstance library = counter(WasiEngine.INTERPRETER)
                .withTimeout(Duration.ofMillis(300))
                .instantiate()) {
            assertThat(library.call("spin")).timedOut();
            assertThatThrownBy(() -> library.call("add", 1, 2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("classpath:guests/counter.wasm cannot be called any more: its call of spin"
                            + " timed out after 300 ms");
        }
    }

    @Test
    void proc_exitEndsTheInstance() {
        try (WasiInstance library = counter(WasiEngine.INTERPRETER).instantiate()) {
            assertThat(library.call("quit", 3)).exitedWith(3);
            assertThatThrownBy(() -> library.call("count")).hasMessageContaining("exited with code 3");
        }
    }

    @Test
    void seesOnlyWhatItsRunnerGrants() {
        try (WasiInstance bare = counter(WasiEngine.INTERPRETER).instantiate();
                WasiInstance named =
                        counter(WasiEngine.INTERPRETER).withEnv("NAME", "Ada").instantiate()) {
            assertThat(bare.call("env")).returned(0).hasStderrContaining("NAME=(unset)");
            assertThat(named.call("env")).returned(1).hasStderrContaining("NAME=Ada");
        }
    }

    @Test
    void aTestsHostFunctionAnswersTheGuestsImport() {
        WasiRunner runner = WasiRunner.fromResource("guests/counter.wasm")
                .withHostFunction("host", "scale", args -> new long[] {args[0] * 10});
        try (WasiInstance library = runner.instantiate()) {
            assertThat(library.call("scaled", 4)).returned(41);
        }
    }

    @Test
    void wrongCallsSayWhatTheModuleOffers() {
        try (WasiInstance library = counter(WasiEngine.INTERPRETER).instantiate()) {
            assertThatThrownBy(() -> library.call("nope"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("guest module classpath:guests/counter.wasm exports no function \"nope\"; it exports"
                            + " _initialize, add, count, mean, widen, scaled, env, crash, spin, quit");
            assertThatThrownBy(() -> library.call("add", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("function \"add\" of guest module classpath:guests/counter.wasm takes 2 arguments"
                            + " (i32, i32) -> (i32), got 1: [1]");
        }
    }

    @Test
    void aClosedInstanceRefusesCalls() {
        WasiInstance library = counter(WasiEngine.INTERPRETER).instantiate();
        library.close();
        library.close();
        assertThatThrownBy(() -> library.call("count")).hasMessageContaining("it was closed");
    }

    @Test
    void runningAReactorSaysWhatItIsAndPointsToInstantiate() {
        assertThatThrownBy(() -> WasiRunner.fromResource("guests/counter.wasm").run())
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageStartingWith("Cannot load guest module classpath:guests/counter.wasm: the module exports no"
                        + " _start function, so it is not a WASI command: it is a WASI reactor")
                .hasMessageContaining("_initialize, add, count")
                .hasMessageContaining("WasiRunner.instantiate()");
    }

    /** A user's test that has its library injected. Run only through the JUnit Platform below. */
    @WasmGuest(url = "${guest.base}/counter.wasm")
    static class InjectedInstance {
        static WasiInstance seen;

        @Test
        void callsIt(WasiInstance library) {
            seen = library;
            assertThat(library.call("add", 20, 22)).returned(42);
        }
    }

    @Test
    void aWasiInstanceParameterIsInjectedAndClosedAfterTheTest() {
        UserTests.run(
                        InjectedInstance.class,
                        Map.of(
                                "guest.base",
                                GuestServerSession.guestsDirectory().toUri().toString(),
                                "wasmguest.imports.unknown",
                                "trap"))
                .assertStatistics(stats -> stats.succeeded(1));
        assertThatThrownBy(() -> InjectedInstance.seen.call("add", 1, 2)).hasMessageContaining("it was closed");
    }
}
