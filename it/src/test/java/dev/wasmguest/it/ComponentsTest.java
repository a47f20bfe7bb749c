package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiInstance;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.WasmFrame;
import dev.wasmguest.WitCase;
import dev.wasmguest.junit.WasmGuest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WASI 0.2 command components, made by jco's preview 1 adapter from our C guests, run exactly like the modules they
 * were made from: the same API, the same stdout, stderr, exit code and outcome, downloaded and cached alike.
 */
class ComponentsTest {

    /** Each guest with the arguments, stdin and environment it is run with, the same for module and component. */
    private static WasiResult run(String guest, UnaryOperator<WasiRunner> given) {
        return given.apply(WasiRunner.fromResource("guests/" + guest)).run();
    }

    /** The module and the component it was made from, each run in both engines, agree. */
    private static void sameAsTheModule(String name, UnaryOperator<WasiRunner> given) {
        for (WasiEngine engine : List.of(WasiEngine.INTERPRETER, WasiEngine.COMPILER)) {
            UnaryOperator<WasiRunner> inEngine = runner -> given.apply(runner.withEngine(engine));
            WasiResult module = run(name + ".wasm", inEngine);
            WasiResult component = run(name + ".component.wasm", inEngine);
            String what = name + " in the " + engine;

            assertThat(component.outcome()).as(what).isEqualTo(module.outcome());
            assertThat(component.exitCode()).as(what).isEqualTo(adapted(module.exitCode()));
            assertThat(component.stdout()).as(what).isEqualTo(module.stdout());
            assertThat(component.stderr()).as(what).isEqualTo(module.stderr());
            assertThat(component.engine()).as(what).isEqualTo(engine);
        }
    }

    /**
     * The exit code a component made by the preview 1 adapter ends with: the adapter passes {@code proc_exit(n)} on
     * as {@code exit(error)} for any n but 0, which is exit code 1 under {@code jco run} and wasmtime too.
     */
    private static int adapted(int moduleExitCode) {
        return moduleExitCode == WasiResult.NO_EXIT_CODE || moduleExitCode == 0 ? moduleExitCode : 1;
    }

    @Test
    void seedWithArgumentsAndItsExitCode() {
        sameAsTheModule("seed", runner -> runner.withArgs("arg1", "hello"));
        sameAsTheModule("seed", runner -> runner.withArgs("arg1", "exit1"));
    }

    @Test
    void echoWithStdinAndEnvironment() {
        sameAsTheModule(
                "echo",
                runner -> runner.withStdin("piped\ntext")
                        .withEnv("GREETING", "hi")
                        .withArgs("GREETING"));
        sameAsTheModule("echo", runner -> runner.withArgs("HOME"));
    }

    @Test
    void clockAndRandomFixedAlike() {
        sameAsTheModule(
                "clockrand",
                runner -> runner.withClock(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                        .withRandomSeed(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exit", "trap", "divzero", "crash", "panic", "panic-debug", "deep-calls"})
    void exitCodesAndTraps(String guest) {
        sameAsTheModule(guest, runner -> runner.withArgs("3"));
    }

    /**
     * A compute guest, a deep recursion and a trap on memory. Left out: sha256, whose adapted component traps in the
     * adapter itself ("assertion failed at adapter line 2857", in fd_fdstat_get from isatty) under jco run as here;
     * .ci/components.sh compares that with jco run.
     */
    @Test
    void computeAndDeepRecursion() {
        sameAsTheModule("sieve", runner -> runner.withArgs("100000"));
        sameAsTheModule("recursion", runner -> runner.withArgs("1000"));
        sameAsTheModule("crash", runner -> runner.withArgs("memory"));
        sameAsTheModule("nested-calls", UnaryOperator.identity());
        sameAsTheModule("huge-function", UnaryOperator.identity());
    }

    /** A loop with calls, and a call-free loop, which only the interpreter's stop check or compiled code's ends. */
    @ParameterizedTest
    @EnumSource(names = {"INTERPRETER", "COMPILER"})
    void aComponentThatNeverEndsIsStoppedAtItsTimeout(WasiEngine engine) {
        for (String guest : List.of("loop-call", "loop-branch")) {
            WasiResult result = WasiRunner.fromResource("guests/" + guest + ".component.wasm")
                    .withEngine(engine)
                    .withTimeout(Duration.ofMillis(300))
                    .run();

            assertThat(result).as(guest).timedOut();
            assertThat(result.describeOutcome()).as(guest).isEqualTo("timed out after 300 ms and was stopped");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INTERPRETER", "COMPILER"})
    void aComponentThatEatsMemoryStopsAtTheLimit(WasiEngine engine) {
        WasiResult result = WasiRunner.fromResource("guests/membomb.component.wasm")
                .withEngine(engine)
                .withMaxMemory(16L * 1024 * 1024)
                .run();

        assertThat(result).succeeded().stdout().matches("malloc failed after 1[0-5] MiB\\n");
        assertThat(result.memoryBytes()).isLessThanOrEqualTo(16L * 1024 * 1024).isGreaterThan(15L * 1024 * 1024);
    }

    @ParameterizedTest
    @EnumSource(names = {"INTERPRETER", "COMPILER"})
    void aComponentsFloodIsCapped(WasiEngine engine) {
        WasiResult result = WasiRunner.fromResource("guests/flood.component.wasm")
                .withEngine(engine)
                .withMaxOutput(1000)
                .run("4");

        assertThat(result).succeeded();
        assertThat(result.stdoutBytes()).hasSize(1000);
        assertThat(result.stdoutDroppedBytes()).isEqualTo(4L * 1024 * 1024 - 1000);
    }

    @Test
    void aTrapIsATrappedRunWithItsMessage() {
        WasiResult result = run("trap.component.wasm", UnaryOperator.identity());

        assertThat(result).trapped();
        assertThat(result.trap())
                .hasValueSatisfying(message -> assertThat(message).contains("unreachable"));
        assertThat(result.exitCode()).isEqualTo(WasiResult.NO_EXIT_CODE);
    }

    /**
     * A trap's backtrace names the program's frames, with their source lines, as the module's does, then the frames
     * of the adapter that called the program's {@code _start}.
     */
    @ParameterizedTest
    @EnumSource(names = {"INTERPRETER", "COMPILER"})
    void aTrapsBacktraceGoesThroughTheCoreModules(WasiEngine engine) {
        List<WasmFrame> module = WasiRunner.fromResource("guests/crash-debug.wasm")
                .withEngine(engine)
                .run()
                .trapBacktrace();
        WasiResult component = WasiRunner.fromResource("guests/crash-debug.component.wasm")
                .withEngine(engine)
                .run();

        assertThat(module).extracting(frame -> frame.functionName().orElse("?")).contains("main", "_start");
        assertThat(component.trapBacktrace()).startsWith(module.toArray(WasmFrame[]::new));
        assertThat(component
                        .trapBacktrace()
                        .subList(module.size(), component.trapBacktrace().size()))
                .extracting(frame -> frame.functionName().orElse("?"))
                .contains("wasi:cli/run@0.2.12#run");
        assertThat(component.describeOutcome())
                .contains("\n  0: check (function 10) at guests/src/crash.c:11:5, module offset 0x");
    }

    @Test
    void aTestDeclaresAComponentLikeAModule(
            @WasmGuest(
                            resource = "guests/seed.component.wasm",
                            args = {"arg1", "hello"})
                    WasiResult result) {
        assertThat(result).succeeded().hasStdoutContaining("Received arguments: [arg1, hello]");
        assertThat(result.outcome()).isEqualTo(WasiOutcome.EXITED);
    }

    /** A command component instantiated: its wasi:cli/run export is a function like any other, run by a call. */
    @Test
    void aCommandsRunExportIsCalledOnItsInstance() {
        try (WasiInstance seed = WasiRunner.fromResource("guests/seed.component.wasm")
                .withArgs("arg1", "hello")
                .instantiate()) {
            String run = seed.exportedFunctions().stream()
                    .filter(name -> name.startsWith("wasi:cli/run@0.2.") && name.endsWith("#run"))
                    .findFirst()
                    .orElseThrow();

            assertThat(seed.call(run))
                    .returnedValue(WitCase.ok(null))
                    .hasStdoutContaining("Received arguments: [arg1, hello]");
        }
    }

    @Test
    void argvZeroIsTheFileName() {
        WasiResult result =
                WasiRunner.fromResource("guests/seed.component.wasm").run("x");

        assertThat(result.argv()).isEqualTo(List.of("seed.component.wasm", "x"));
    }
}
