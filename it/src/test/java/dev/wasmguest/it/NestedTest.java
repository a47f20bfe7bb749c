package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @Nested} classes see their enclosing class's guest unless they declare their own. */
@WasmGuest(url = "${guest.base}/seed.wasm", args = "outer")
class NestedTest {

    @Test
    void outerGuest(WasiResult result) {
        assertThat(result).stdout().contains("[outer]");
    }

    @Nested
    class Inheriting {

        private WasiRunner fromConstructor;
        private WasiResult fromLifecycle;

        Inheriting(WasiRunner guest) {
            this.fromConstructor = guest;
        }

        @BeforeEach
        void runOnce(WasiResult result) {
            this.fromLifecycle = result;
        }

        @Test
        void constructorAndLifecycleParametersGetTheEnclosingGuest(WasiResult result) {
            assertThat(result).stdout().contains("[outer]");
            assertThat(fromLifecycle).stdout().contains("[outer]");
            assertThat(fromConstructor.run("ctor")).stdout().contains("[ctor]");
        }
    }

    @Nested
    @WasmGuest(url = "${guest.base}/echo.wasm", stdin = "inner")
    class Overriding {

        @Test
        void ownGuestWins(WasiResult result) {
            assertThat(result).succeeded().hasStdout("inner");
        }

        @Nested
        class Deeper {
            @Test
            void nearestEnclosingGuestWins(WasiResult result) {
                assertThat(result).hasStdout("inner");
            }
        }
    }
}
