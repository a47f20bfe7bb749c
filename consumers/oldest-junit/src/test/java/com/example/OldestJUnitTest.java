package com.example;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import dev.wasmguest.assertions.SoftWasiAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** What users of JUnit 5.10 do with wasmguest, in parallel, with every run attached to the report. */
@WasmGuest(resource = "echo.wasm", stdin = "hello")
class OldestJUnitTest {

    @Test
    void theProjectGetsTheJUnitItDeclared() {
        assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo("5.10.5");
    }

    @RepeatedTest(3)
    void anInjectedResult(WasiResult result) {
        assertThat(result).succeeded().hasStdout("hello");
    }

    @Test
    void anInjectedRunner(WasiRunner echo) {
        assertThat(echo.withEnv("GREETING", "hi").run("GREETING")).succeeded().hasStderrContaining("env GREETING=hi");
    }

    @Test
    void softAssertions(WasiResult result) {
        SoftWasiAssertions softly = new SoftWasiAssertions();
        softly.assertThat(result).hasExitCode(2).stdout().isEqualTo("bye");
        assertThat(softly.errorsCollected()).hasSize(2);
    }

    @Nested
    class Inheriting {
        @Test
        void theEnclosingDeclaration(WasiResult result) {
            assertThat(result).hasStdout("hello");
        }
    }
}
