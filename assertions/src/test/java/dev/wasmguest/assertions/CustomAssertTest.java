package dev.wasmguest.assertions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.assertions.error.RunErrorMessageFactory;
import org.junit.jupiter.api.Test;

/** Users extend the assertions: inherited ones return their type, and their messages carry the run too. */
class CustomAssertTest {

    /** What a user writes for a tool of theirs. */
    static final class EchoAssert extends AbstractWasiResultAssert<EchoAssert> {
        EchoAssert(WasiResult actual) {
            super(actual, EchoAssert.class);
        }

        static EchoAssert assertThatEcho(WasiResult actual) {
            return new EchoAssert(actual);
        }

        EchoAssert greeted(String name) {
            isNotNull();
            if (!actual.stderr().contains("env GREETING=" + name)) {
                throwAssertionError(ShouldGreet.shouldGreet(actual, name));
            }
            return myself;
        }
    }

    static final class ShouldGreet extends RunErrorMessageFactory {
        private ShouldGreet(WasiResult run, String name) {
            super(run, "%nExpecting the echo guest to greet:%n  %s", name);
        }

        static ShouldGreet shouldGreet(WasiResult run, String name) {
            return new ShouldGreet(run, name);
        }
    }

    private static final WasiRunner ECHO = WasiRunner.fromResource("guests/echo.wasm");

    @Test
    void inheritedAssertionsReturnTheUsersType() {
        EchoAssert.assertThatEcho(
                        ECHO.withEnv("GREETING", "Ada").withStdin("hi").run())
                .succeeded()
                .hasStdout("hi")
                .greeted("Ada")
                .hasExitCode(0);
    }

    @Test
    void theUsersMessagesEndWithTheRun() {
        assertThatThrownBy(
                        () -> EchoAssert.assertThatEcho(ECHO.run()).succeeded().greeted("Ada"))
                .hasMessageContaining("Expecting the echo guest to greet:\n  \"Ada\"")
                .hasMessageContaining("Run of guest module classpath:guests/echo.wasm")
                .hasMessageContaining("env GREETING is not set");
    }
}
