package com.example;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.Test;

@WasmGuest(resource = "echo.wasm", stdin = "hello")
class JUnit6Test {

    @Test
    void theProjectGetsTheJUnitItDeclared() {
        assertThat(Test.class.getPackage().getImplementationVersion()).isEqualTo("6.1.3");
    }

    @Test
    void anInjectedResult(WasiResult result) {
        assertThat(result).succeeded().hasStdout("hello");
    }

    @Test
    void anInjectedRunner(WasiRunner echo) {
        assertThat(echo.withStdin("again").run()).succeeded().hasStdout("again");
    }
}
