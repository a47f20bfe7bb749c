package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.WasmFrame;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A guest that traps says where: its WebAssembly call stack, innermost first, with function names from the name
 * section and, from a module with DWARF, source lines; in both engines, for C and Rust guests built with and without
 * debug information.
 */
class BacktraceTest {

    private static WasiResult run(String guest, WasiEngine engine, String... args) {
        return WasiRunner.fromResource("guests/" + guest).withEngine(engine).run(args);
    }

    private static List<String> names(WasiResult run) {
        return run.trapBacktrace().stream()
                .map(frame -> frame.functionName().orElse("?"))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aCGuestWithoutDebugInformationNamesItsFunctions(WasiEngine engine) {
        WasiResult run = run("crash.wasm", engine);

        assertThat(run).trapped().hasStdout("about to crash\n");
        assertThat(names(run)).startsWith("check", "parse", "main").contains("_start");
        assertThat(run.trapBacktrace())
                .allSatisfy(frame -> assertThat(frame.sourceLine()).isEmpty());
        assertThat(run.describeOutcome())
                .startsWith("trapped: Trapped on unreachable instruction\nwasm backtrace, innermost first:\n"
                        + "  0: check (function 10)");
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void eachEngineGivesTheLineAndColumnOfEachFrame(WasiEngine engine) {
        WasiResult run = run("crash-debug.wasm", engine);

        assertThat(run.trapBacktrace())
                .extracting(BacktraceTest::place)
                .startsWith("check crash.c:11:5", "parse crash.c:15:5", "main crash.c:22:5");
        WasmFrame innermost = run.trapBacktrace().get(0);
        assertThat(innermost.sourceLineIsFunctionStart()).isFalse();
        assertThat(innermost.moduleOffset()).isPresent();
        assertThat(run.describeOutcome())
                .contains("\n  0: check (function 10) at guests/src/crash.c:11:5, module offset 0x")
                .contains("__original_main (function 11) at ./libc-bottom-half/sources/__original_main.c:");
    }

    @Test
    void bothEnginesGiveTheSameFrames() {
        List<WasmFrame> interpreted =
                run("crash-debug.wasm", WasiEngine.INTERPRETER).trapBacktrace();
        List<WasmFrame> compiled = run("crash-debug.wasm", WasiEngine.COMPILER).trapBacktrace();

        assertThat(compiled).isNotEmpty().isEqualTo(interpreted);
        assertThat(compiled)
                .allSatisfy(frame -> assertThat(frame.moduleOffset()).isPresent());
        assertThat(run("panic-debug.wasm", WasiEngine.COMPILER).trapBacktrace())
                .isEqualTo(run("panic-debug.wasm", WasiEngine.INTERPRETER).trapBacktrace());
        assertThat(run("crash-debug.wasm", WasiEngine.COMPILER, "memory").trapBacktrace())
                .isEqualTo(run("crash-debug.wasm", WasiEngine.INTERPRETER, "memory")
                        .trapBacktrace());
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void eachEngineGivesTheLineOfAnAccessOutOfBounds(WasiEngine engine) {
        WasiResult run = run("crash-debug.wasm", engine, "memory");

        assertThat(run).trapped().hasTrapMessageContaining("out of bounds memory access");
        assertThat(run.trapBacktrace()).extracting(BacktraceTest::place).startsWith("check crash.c:9:24");
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aRustPanicShowsItsMessageAndWhereItHappened(WasiEngine engine) {
        WasiResult run = run("panic-debug.wasm", engine);

        assertThat(run).trapped().hasStdout("about to panic\n");
        assertThat(names(run)).contains("panic::check", "panic::parse", "panic::main");
        assertThat(run.describeOutcome())
                .contains("\nthe guest panicked: thread 'main' panicked at ")
                .contains("no value given")
                .contains("panic::check (function ");
        Optional<WasmFrame> check = run.trapBacktrace().stream()
                .filter(frame -> frame.functionName().equals(Optional.of("panic::check")))
                .findFirst();
        assertThat(check)
                .get()
                .satisfies(frame -> assertThat(frame.sourceFile())
                        .hasValueSatisfying(file -> assertThat(file).endsWith("panic.rs")));
    }

    @ParameterizedTest
    @EnumSource(
            value = WasiEngine.class,
            names = {"COMPILER", "INTERPRETER"})
    void aRustGuestWithoutDebugInformationStillNamesItsFunctions(WasiEngine engine) {
        WasiResult run = run("panic.wasm", engine);

        assertThat(names(run)).contains("panic::check", "panic::parse", "panic::main");
        assertThat(run.describeOutcome()).contains("no value given");
    }

    @Test
    void aRecursionThatOverflowedShowsTwentyFramesAndCountsTheRest() {
        WasiResult run = run("recursion.wasm", WasiEngine.INTERPRETER);

        assertThat(run).trapped();
        assertThat(run.describeOutcome()).containsPattern("\\n  19: [^\\n]+\\n  \\.\\.\\. \\d+ more frames$");
    }

    @Test
    void aRunThatDidNotTrapHasNoBacktrace() {
        WasiResult run = run("seed.wasm", WasiEngine.INTERPRETER);

        assertThat(run).succeeded();
        assertThat(run.trapBacktrace()).isEmpty();
        assertThat(run.describeOutcome()).isEqualTo("exited with code 0");
    }

    /** A frame as {@code function file:line:column}, the file by its last name. */
    private static String place(WasmFrame frame) {
        String file = frame.sourceFile()
                .map(path -> path.substring(path.lastIndexOf('/') + 1))
                .orElse("?");
        return frame.functionName().orElse("?") + " " + file + ":"
                + frame.sourceLine().orElse(0)
                + frame.sourceColumn().stream()
                        .mapToObj(column -> ":" + column)
                        .findFirst()
                        .orElse("");
    }
}
