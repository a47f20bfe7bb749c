package com.example;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.Test;

class OldJUnitTest {

    @Test
    void echoes(@WasmGuest(resource = "echo.wasm", stdin = "hello") WasiResult result) {
        assertThat(result).succeeded().hasStdout("hello");
    }
}
