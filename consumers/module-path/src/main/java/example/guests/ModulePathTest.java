package example.guests;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import dev.wasmguest.assertions.SoftWasiAssertions;
import dev.wasmguest.assertions.WasiAssertions;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@WasmGuest(resource = "echo.wasm", stdin = "hello")
class ModulePathTest {

    @Test
    void wasmguestIsTwoNamedModules() {
        assertThat(WasiRunner.class.getModule().getName()).isEqualTo("dev.wasmguest");
        assertThat(WasiAssertions.class.getModule().getName()).isEqualTo("dev.wasmguest.assertions");
        assertThat(getClass().getModule().getName()).isEqualTo("example.guests");
    }

    @Test
    void onlyTheApiPackagesAreExported() {
        // Internal packages reach only the suites engine, which runs cases through the same core, and the assertions,
        // which read the snapshot keys as every key is read.
        assertThat(exports(WasiRunner.class.getModule()))
                .containsExactlyInAnyOrder(
                        "dev.wasmguest",
                        "dev.wasmguest.junit",
                        "dev.wasmguest.internal.load to [dev.wasmguest.suites]",
                        "dev.wasmguest.internal.config to [dev.wasmguest.assertions, dev.wasmguest.suites]",
                        "dev.wasmguest.internal.suite to [dev.wasmguest.suites]",
                        "dev.wasmguest.internal.util to [dev.wasmguest.suites]");
        assertThat(exports(WasiAssertions.class.getModule()))
                .containsExactlyInAnyOrder("dev.wasmguest.assertions", "dev.wasmguest.assertions.error");
    }

    @Test
    void anInjectedResult(WasiResult result) {
        assertThat(result).succeeded().hasStdout("hello").hasStderrContaining("env GREETING is not set");
    }

    @ParameterizedTest
    @EnumSource(WasiEngine.class)
    void eachEngine(WasiEngine engine, WasiRunner echo) {
        WasiResult result = echo.withEngine(engine).withEnv("GREETING", "hi").withStdin("from " + engine).run();

        assertThat(result).succeeded().hasStdout("from " + engine).hasStderrContaining("env GREETING=hi");
    }

    @Test
    void aFailureDescribesTheRun(WasiResult result) {
        assertThatThrownBy(() -> assertThat(result).hasStdout("bye"))
                .hasMessageContaining("Expecting stdout:").hasMessageContaining("echo.wasm");
    }

    @Test
    void softAssertionsCollectFailures(WasiResult result) {
        SoftWasiAssertions softly = new SoftWasiAssertions();
        softly.assertThat(result).hasExitCode(3);
        softly.assertThat(result).hasStdout("bye");
        softly.assertThat(result).stdout().startsWith("bye");

        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (3 failures)");
    }

    private static List<String> exports(Module module) {
        return module.getDescriptor().exports().stream().map(ModulePathTest::describe).collect(Collectors.toList());
    }

    private static String describe(ModuleDescriptor.Exports export) {
        return export.source() + (export.isQualified() ? " to " + new TreeSet<>(export.targets()) : "");
    }
}
