package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import org.junit.jupiter.api.Test;

/** {@code @WasmGuest} works through a composed annotation, on a class, a method and a parameter. */
@SeedGuest
class MetaAnnotationTest {

    @Test
    void onTheClass(WasiResult result) {
        assertThat(result).succeeded().stdout().contains("[meta]");
    }

    @Test
    @SeedGuest
    void onTheMethod(WasiResult result) {
        assertThat(result).succeeded().stdout().contains("[meta]");
    }

    @Test
    void onTheParameter(@SeedGuest WasiResult result) {
        assertThat(result).succeeded().stdout().contains("[meta]");
    }
}
