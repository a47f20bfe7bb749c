package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasmFrame;
import dev.wasmguest.internal.run.RunSpec;
import dev.wasmguest.internal.util.Sha256;
import dev.wasmguest.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A function too large for one JVM method is split into parts that Endive's compiler compiles, and the copy behaves
 * as the original does: the same output, exit code and trap, with the original's backtrace. The guests are compared
 * with the original module run whole, in Endive's interpreter.
 */
class FunctionSplitterTest {

    private static final byte[] BIG_SWITCH = TestGuests.resource("big-switch.wasm");

    @RegisterExtension
    final LogCapture log = LogCapture.of(ModuleLoader.class);

    @Test
    void theFunctionTooLargeForAJvmMethodIsCompiledInParts() {
        LoadedModule guest = TestGuests.prepare(BIG_SWITCH);

        WasiResult split = run(guest, WasiEngine.COMPILER, "3000", "1000000", "1");

        assertThat(guest.compiledCode().join().interpreted()).isEmpty();
        assertThat(split.engine()).isEqualTo(WasiEngine.COMPILER);
        assertThat(split.stdout())
                .isEqualTo(run(whole(BIG_SWITCH), WasiEngine.INTERPRETER, "3000", "1000000", "1")
                        .stdout());
        assertThat(FunctionSplitter.split(BIG_SWITCH)).hasValueSatisfying(copy -> {
            ModuleLayout layout = ModuleLayout.of(copy.bytes());
            for (int body = 0; body < layout.bodyCount(); body++) {
                assertThat(layout.bodySize(body)).isLessThan(Translator.LIKELY_TOO_LARGE);
            }
        });
    }

    /** Each argument set takes other exits out of the parts: breaks, continues, an early return, a trap. */
    @ParameterizedTest
    @CsvSource({"1, 1000000, 1", "5000, 1000000, 7", "5000, 3, 1", "20000, 40, 3", "5000, 1000000, 0"})
    void everyExitOfAPartBehavesAsInTheOriginal(String rounds, String limit, String divisor) {
        WasiResult original = run(whole(BIG_SWITCH), WasiEngine.INTERPRETER, rounds, limit, divisor);
        LoadedModule guest = TestGuests.prepare(BIG_SWITCH);

        for (WasiEngine engine : List.of(WasiEngine.COMPILER, WasiEngine.INTERPRETER)) {
            WasiResult split = run(guest, engine, rounds, limit, divisor);

            assertThat(split.stdout()).as(engine.name()).isEqualTo(original.stdout());
            assertThat(split.exitCode()).as(engine.name()).isEqualTo(original.exitCode());
            assertThat(split.trap()).as(engine.name()).isEqualTo(original.trap());
        }
    }

    @Test
    void aTrapInAPartHasTheOriginalsBacktrace() {
        byte[] debug = TestGuests.resource("big-switch-debug.wasm");
        WasiResult original = run(whole(debug), WasiEngine.INTERPRETER, "5000", "1000000", "0");

        LoadedModule guest = TestGuests.prepare(debug);
        WasiResult split = run(guest, WasiEngine.COMPILER, "5000", "1000000", "0");

        assertThat(guest.compiledCode().join().interpreted()).isEmpty(); // so the trap is in a compiled part
        assertThat(original.trap()).hasValueSatisfying(trap -> assertThat(trap).contains("divide by zero"));
        assertThat(names(split.trapBacktrace())).isEqualTo(names(original.trapBacktrace()));
        assertThat(split.trapBacktrace().get(0).functionName()).hasValue("churn");
        assertThat(split.trapBacktrace().get(0).sourceLine())
                .isEqualTo(original.trapBacktrace().get(0).sourceLine());
        assertThat(split.trapBacktrace().get(0).moduleOffset())
                .isEqualTo(original.trapBacktrace().get(0).moduleOffset());
    }

    /**
     * Real programs split far finer than splitting does (every function over 80 bytes, into parts of 48), so that
     * their C library's branches, loops, switches and returns cross parts' boundaries, run as they did; carry.wat's
     * branches carry values out of parts.
     */
    @ParameterizedTest
    @CsvSource({
        "sha256.wasm, 1 2",
        "sieve.wasm, 5000",
        "coverage.wasm, sum",
        "big-switch.wasm, 2000 1000000 5",
        "recursion.wasm, 300",
        "crash.wasm, memory",
        "carry.wasm, -"
    })
    void programsSplitFinelyRunAsTheOriginals(String name, String args) {
        byte[] original = TestGuests.resource(name);
        Optional<FunctionSplitter.Split> copy = FunctionSplitter.split(original, 80, 48);
        assertThat(copy).isPresent();
        assertThat(copy.get().partOf()).hasSizeGreaterThan(3);
        String[] argv = args.split(" ");

        WasiResult whole = run(whole(original), WasiEngine.INTERPRETER, argv);
        LoadedModule split = whole(copy.get().bytes());
        for (WasiEngine engine : List.of(WasiEngine.INTERPRETER, WasiEngine.COMPILER)) {
            WasiResult result = run(split, engine, argv);

            assertThat(result.stdout()).as(engine.name()).isEqualTo(whole.stdout());
            assertThat(result.stderr()).as(engine.name()).isEqualTo(whole.stderr());
            assertThat(result.exitCode()).as(engine.name()).isEqualTo(whole.exitCode());
            assertThat(result.trap()).as(engine.name()).isEqualTo(whole.trap());
        }
    }

    @Test
    void aModuleWithoutLargeFunctionsIsNotCopied() {
        byte[] seed = TestGuests.resource("seed.wasm");

        assertThat(FunctionSplitter.hasLargeFunctions(seed)).isFalse();
        assertThat(FunctionSplitter.split(seed)).isEmpty();
        assertThat(FunctionSplitter.hasLargeFunctions(BIG_SWITCH)).isTrue();
    }

    @Test
    void aFunctionWithoutStructureStaysWholeForTheInterpreter() {
        byte[] huge = TestGuests.resource("huge-function.wasm"); // one straight stretch of code

        assertThat(FunctionSplitter.hasLargeFunctions(huge)).isTrue();
        assertThat(FunctionSplitter.split(huge)).isEmpty();
    }

    @Test
    void malformedBytesAreLeftToTheParse() {
        byte[] truncated = Arrays.copyOf(BIG_SWITCH, BIG_SWITCH.length / 2);

        assertThat(FunctionSplitter.split(truncated)).isEmpty();
        assertThat(FunctionSplitter.split(new byte[] {0, 'a', 's', 'm'})).isEmpty();
    }

    /**
     * With coverage, counters go in first and the counted copy is split: the run counts as the original's, compiled,
     * and a trap's backtrace still names the original's line.
     */
    @Test
    void aCoveredModuleIsSplitAfterItsCountersGoIn(@TempDir Path coverage) {
        byte[] debug = TestGuests.resource("big-switch-debug.wasm");
        WasiResult original = run(whole(debug), WasiEngine.INTERPRETER, "5000", "1000000", "0");
        LoadedModule guest = TestGuests.prepareCounted(debug, TestGuests.coverageFiles(coverage));

        WasiResult counted = run(guest, WasiEngine.COMPILER, "5000", "1000000", "0");

        assertThat(guest.compiledCode().join().interpreted()).isEmpty();
        assertThat(counted.coverage()).hasValueSatisfying(reached -> {
            assertThat(reached.functionCalls("churn")).hasValue(1);
            assertThat(reached.functionCalls("main")).hasValue(1);
        });
        assertThat(names(counted.trapBacktrace())).isEqualTo(names(original.trapBacktrace()));
        assertThat(counted.trapBacktrace().get(0).sourceLine())
                .isEqualTo(original.trapBacktrace().get(0).sourceLine());
    }

    /** A later JVM loads the copy an earlier one stored, and its backtraces still name the original. */
    @Test
    void theCopyIsStoredForLaterJvms(@TempDir Path cacheDir) {
        byte[] debug = TestGuests.resource("big-switch-debug.wasm");
        Path copy =
                caches(cacheDir).compiledCode().orElseThrow().splitCopyFile(FunctionSplitter.key(Sha256.hex(debug)));
        run(TestGuests.prepare(debug, caches(cacheDir)), WasiEngine.COMPILER, "10", "1000000", "1");
        assertThat(copy).exists();

        WasiResult later = run(TestGuests.prepare(debug, caches(cacheDir)), WasiEngine.COMPILER, "10", "1000000", "0");

        assertThat(later.engine()).isEqualTo(WasiEngine.COMPILER);
        assertThat(later.trapBacktrace().get(0).functionName()).hasValue("churn");
        assertThat(later.trapBacktrace().get(0).sourceFile())
                .hasValueSatisfying(file -> assertThat(file).endsWith("big-switch.c"));
        assertThat(log.messages(Level.WARNING)).isEmpty();
    }

    /** A stored copy that no longer loads is forgotten, and the module runs whole, with a warning to report it. */
    @Test
    void aBrokenStoredCopyRunsTheModuleWhole(@TempDir Path cacheDir) throws Exception {
        String key = FunctionSplitter.key(Sha256.hex(BIG_SWITCH));
        Path copy = caches(cacheDir).compiledCode().orElseThrow().splitCopyFile(key);
        Files.createDirectories(copy.getParent());
        Files.write(copy, Arrays.copyOf(BIG_SWITCH, 1000));

        WasiResult result =
                run(TestGuests.prepare(BIG_SWITCH, caches(cacheDir)), WasiEngine.INTERPRETER, "200", "9", "1");

        assertThat(result.stdout())
                .isEqualTo(run(whole(BIG_SWITCH), WasiEngine.INTERPRETER, "200", "9", "1")
                        .stdout());
        assertThat(copy).doesNotExist();
        assertThat(log.messages(Level.WARNING))
                .singleElement()
                .satisfies(message -> assertThat(message).contains("the copy with them split failed"));
    }

    private static EngineCaches caches(Path cacheDir) {
        return new EngineCaches(
                Optional.of(new CompiledCodeCache(cacheDir, Duration.ofSeconds(30))), ValidatedModules.in(cacheDir));
    }

    private static List<String> names(List<WasmFrame> frames) {
        return frames.stream().map(frame -> frame.functionName().orElse("?")).toList();
    }

    /** The module as it is, never split. */
    private static LoadedModule whole(byte[] bytes) {
        String sha256 = Sha256.hex(bytes);
        return new LoadedModule(
                "test module",
                "guest.wasm",
                sha256,
                bytes,
                ModuleParser.parse(bytes, "sha256:" + sha256, true),
                ModuleInterface.scan(bytes),
                Optional.empty(),
                Optional.empty());
    }

    private static WasiResult run(LoadedModule guest, WasiEngine engine, String... args) {
        return TestGuests.run(guest, RunSpec.EMPTY.withEngine(engine).withArgs(List.of(args)));
    }
}
