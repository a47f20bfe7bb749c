package dev.wasmguest.internal.load;

import static dev.wasmguest.testsupport.CoverageGuest.SOURCE;
import static dev.wasmguest.testsupport.CoverageGuest.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiCoverage;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.coverage.CoverageFiles;
import dev.wasmguest.internal.run.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Coverage counters in guests/src/coverage.c, built with its line table (-O0 -g) and without. */
class CoverageCountersTest {

    @TempDir
    Path coverage;

    private CoverageFiles files;

    @BeforeEach
    void coverageFiles() {
        files = TestGuests.coverageFiles(coverage);
    }

    @Test
    void countsTheLinesAndFunctionsARunReached() {
        WasiResult run = runDebug(WasiEngine.INTERPRETER, "sum");

        assertThat(run.succeeded()).isTrue();
        assertThat(run.stdout()).isEqualTo("55\n");
        WasiCoverage reached = run.coverage().orElseThrow();
        assertThat(reached.files()).contains(SOURCE);
        assertThat(reached.lineHits("coverage.c", lineOf("total += i;"))).hasValue(10);
        assertThat(reached.lineHits("coverage.c", lineOf("printf(\"%ld\\n\", sum_to(10));")))
                .hasValue(1);
        assertThat(reached.lineHits("coverage.c", lineOf("printf(\"no sum\\n\");")))
                .hasValue(0);
        assertThat(reached.lineHits("coverage.c", lineOf("return x * 3 + 1;"))).hasValue(0);
        assertThat(reached.lineHits("coverage.c", 1)).isEmpty(); // a comment: no code
        assertThat(reached.functionCalls("sum_to")).hasValue(1);
        assertThat(reached.functionCalls("never_called")).hasValue(0);
        assertThat(reached.functionCalls("main")).hasValue(1);
        assertThat(reached.reachedFunction("never_called")).isFalse();
        assertThat(reached.functions())
                .filteredOn(function -> function.name().equals("sum_to"))
                .singleElement()
                .satisfies(function -> {
                    assertThat(function.file()).hasValue(SOURCE);
                    assertThat(function.line()).isEqualTo(lineOf("static long sum_to(int n) {"));
                });
    }

    @Test
    void theOtherBranchIsCountedAndTheFirstIsNot() {
        WasiCoverage reached =
                runDebug(WasiEngine.INTERPRETER, "other").coverage().orElseThrow();

        assertThat(reached.lineHits("coverage.c", lineOf("printf(\"no sum\\n\");")))
                .hasValue(1);
        assertThat(reached.lineHits("coverage.c", lineOf("total += i;"))).hasValue(0);
        assertThat(reached.functionCalls("sum_to")).hasValue(0);
    }

    @Test
    void bothEnginesCountTheSame() {
        WasiResult interpreted = runDebug(WasiEngine.INTERPRETER, "sum");
        WasiResult compiled = runDebug(WasiEngine.COMPILER, "sum");

        assertThat(compiled.engine()).isEqualTo(WasiEngine.COMPILER);
        assertThat(compiled.stdout()).isEqualTo(interpreted.stdout());
        assertThat(compiled.coverage().orElseThrow().lines())
                .isEqualTo(interpreted.coverage().orElseThrow().lines());
        assertThat(compiled.coverage().orElseThrow().functions())
                .isEqualTo(interpreted.coverage().orElseThrow().functions());
    }

    @Test
    void theLcovFileMergesEveryRun() throws IOException {
        runDebug(WasiEngine.INTERPRETER, "sum");
        runDebug(WasiEngine.COMPILER, "sum");
        runDebug(WasiEngine.INTERPRETER, "other");
        assertThat(files.awaitWritten(Duration.ofMinutes(1))).isTrue();

        List<String> lcov = Files.readAllLines(coverage.resolve("lcov.info"));
        int start = lcov.indexOf("SF:" + SOURCE);
        assertThat(start).isNotNegative();
        List<String> record =
                lcov.subList(start, start + lcov.subList(start, lcov.size()).indexOf("end_of_record"));
        assertThat(record)
                .contains(
                        "FN:" + lineOf("static int never_called(int x) {") + ",never_called",
                        "FNDA:0,never_called",
                        "FNDA:2,sum_to",
                        "FNDA:3,main",
                        "DA:" + lineOf("total += i;") + ",20",
                        "DA:" + lineOf("printf(\"no sum\\n\");") + ",1",
                        "DA:" + lineOf("return x * 3 + 1;") + ",0");
        assertThat(Files.readString(coverage.resolve("cobertura.xml")))
                .contains("<class name=\"" + SOURCE + "\"")
                .contains("<line number=\"" + lineOf("total += i;") + "\" hits=\"20\" branch=\"false\"/>");
    }

    @Test
    void aModuleWithoutLineTablesGetsFunctionCoverageFromItsNameSection() throws IOException {
        LoadedModule guest = TestGuests.prepareCounted(TestGuests.resource("coverage.wasm"), files);
        WasiCoverage reached = TestGuests.run(guest, RunSpec.EMPTY.withArgs(List.of("sum")))
                .coverage()
                .orElseThrow();

        assertThat(reached.lines()).isEmpty();
        assertThat(reached.functionCalls("main")).hasValue(1);
        assertThat(reached.functions())
                .allSatisfy(function -> assertThat(function.file()).isEmpty());
        assertThat(files.awaitWritten(Duration.ofMinutes(1))).isTrue();
        assertThat(Files.readAllLines(coverage.resolve("lcov.info")))
                .contains("SF:" + guest.source(), "FNDA:1,main")
                .noneMatch(line -> line.startsWith("DA:"));
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPILER", "INTERPRETER"})
    void aCountedRunsBacktraceNamesTheOriginalsOffsetsAndLines(WasiEngine engine) {
        byte[] crash = TestGuests.resource("crash-debug.wasm");
        WasiResult plain = TestGuests.run(TestGuests.prepare(crash), RunSpec.EMPTY.withEngine(engine));
        WasiResult counted = TestGuests.run(TestGuests.prepareCounted(crash, files), RunSpec.EMPTY.withEngine(engine));

        assertThat(counted.trapped()).isTrue();
        assertThat(counted.trapBacktrace()).isNotEmpty().isEqualTo(plain.trapBacktrace());
        assertThat(counted.coverage().orElseThrow().functionCalls("check")).hasValue(1);
    }

    private WasiResult runDebug(WasiEngine engine, String argument) {
        LoadedModule guest = TestGuests.prepareCounted(TestGuests.resource("coverage-debug.wasm"), files);
        return TestGuests.run(guest, RunSpec.EMPTY.withEngine(engine).withArgs(List.of(argument)));
    }
}
