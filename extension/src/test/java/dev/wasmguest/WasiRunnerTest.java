package dev.wasmguest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The runner API without JUnit: exit codes, traps, immutability and argument checks. */
class WasiRunnerTest {

    private final WasiRunner exit = WasiRunner.fromResource("guests/exit.wasm");

    @Test
    void returningFromMainIsExitCodeZero() {
        WasiResult result = WasiRunner.fromResource("guests/seed.wasm").run();
        assertThat(result.exitCode()).isZero();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.trap()).isEmpty();
    }

    @Test
    void explicitExitZeroIsExitCodeZeroNotATrap() {
        WasiResult result = exit.run("0");
        assertThat(result.exitCode()).isZero();
        assertThat(result.trapped()).isFalse();
        assertThat(result.stdout()).isEqualTo("exiting with 0\n");
        assertThat(result.stderr()).isEqualTo("bye\n");
    }

    @Test
    void exitCodeIsPassedThrough() {
        assertThat(exit.run("42").exitCode()).isEqualTo(42);
        assertThat(exit.run("1").succeeded()).isFalse();
    }

    @Test
    void trapIsNeverExitCodeZero() {
        WasiResult result = WasiRunner.fromResource("guests/trap.wasm").run();
        assertThat(result.trapped()).isTrue();
        assertThat(result.exitCode()).isEqualTo(WasiResult.NO_EXIT_CODE);
        assertThat(result.toString()).contains("trapped:");
    }

    @Test
    void withMethodsLeaveTheOriginalUnchanged() {
        WasiRunner echo = WasiRunner.fromResource("guests/echo.wasm");
        WasiRunner configured = echo.withStdin("in")
                .withEnv("GREETING", "hi")
                .withArgs("GREETING")
                .withArgv0("e");

        assertThat(configured.run().stdout()).isEqualTo("in");
        assertThat(configured.run().stderr()).isEqualTo("env GREETING=hi\n");
        assertThat(configured.run().argv()).containsExactly("e", "GREETING");
        assertThat(echo.run().stdout()).isEmpty();
        assertThat(echo.run().stderr()).isEqualTo("env GREETING is not set\n");
        assertThat(echo.run().argv()).containsExactly("echo.wasm");
    }

    @Test
    void stdinArrayIsCopied() {
        byte[] stdin = {'a', 'b'};
        WasiRunner echo = WasiRunner.fromResource("guests/echo.wasm").withStdin(stdin);
        stdin[0] = 'x';
        assertThat(echo.run().stdout()).isEqualTo("ab");
    }

    @Test
    void resultByteArraysAreCopies() {
        WasiResult result = exit.run("0");
        result.stdoutBytes()[0] = 'X';
        assertThat(result.stdout()).startsWith("exiting");
    }

    @Test
    void invalidInputsAreRefusedAtOnce() {
        WasiRunner echo = WasiRunner.fromResource("guests/echo.wasm");
        assertThatThrownBy(() -> echo.withEnv("A=B", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A=B");
        assertThatThrownBy(() -> echo.withEnv("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> echo.withArgs("a", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> WasiRunner.fromUrl("ftp://host/x.wasm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://host/x.wasm")
                .hasMessageContaining("http, https or file URL");
        assertThatThrownBy(() -> WasiRunner.fromUrl("https://host/x.wasm", "abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hexadecimal digits");
    }

    @Test
    void missingResourceNamesItself() {
        assertThatThrownBy(() -> WasiRunner.fromResource("guests/nope.wasm").run())
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageStartingWith("Cannot load guest module classpath:guests/nope.wasm: no such resource");
    }

    @Test
    void moduleWithoutStartIsRefusedBeforeAnyRun() {
        assertThatThrownBy(() -> WasiRunner.fromResource("guests/no-start.wasm").run())
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageContaining("classpath:guests/no-start.wasm")
                .hasMessageContaining("exports no _start function");
    }

    @Test
    void prepareFailsForABadModuleBeforeAnyRunAndReturnsTheRunnerForAGoodOne() {
        assertThatThrownBy(() -> WasiRunner.fromResource("guests/nope.wasm").prepare())
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageContaining("classpath:guests/nope.wasm: no such resource");
        WasiRunner seed = WasiRunner.fromResource("guests/seed.wasm");
        assertThat(seed.prepare()).isSameAs(seed);
        assertThat(seed.run().preparation()).isLessThan(Duration.ofMillis(100)); // prepared already: no wait
    }

    @Test
    void theCoresFailureReachesUsersAsTheirExceptionThrownWhereTheCoreThrewIt() {
        Throwable thrown =
                catchThrowable(() -> WasiRunner.fromResource("guests/nope.wasm").run());
        assertThat(thrown).isInstanceOf(GuestResolutionException.class);
        assertThat(((GuestResolutionException) thrown).source()).isEqualTo("classpath:guests/nope.wasm");
        assertThat(thrown.getStackTrace()[0].getClassName()).startsWith("dev.wasmguest.internal.resolve.");
    }
}
