package dev.wasmguest.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.util.List;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Soft assertions collect every failure, navigated ones included, instead of stopping at the first. */
@ExtendWith(SoftAssertionsExtension.class)
class SoftWasiAssertionsTest {

    private static final WasiResult EXIT1 =
            WasiRunner.fromResource("guests/seed.wasm").run("arg1", "exit1");

    @InjectSoftAssertions
    SoftWasiAssertions injected;

    @Test
    void collectsDirectAndNavigatedFailures() {
        SoftWasiAssertions softly = new SoftWasiAssertions();

        softly.assertThat(EXIT1).succeeded();
        softly.assertThat(EXIT1).stdout().contains("no such text");
        softly.assertThat(EXIT1).stdoutLines().hasSize(99);
        softly.assertThat(EXIT1).stdoutBytes().isEmpty();
        softly.assertThat(EXIT1).stderr().isEmpty();
        softly.assertThat(EXIT1).hasExitCode(1).stderr().contains("Hello from stderr"); // passes: not collected

        List<Throwable> errors = softly.errorsCollected();
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).hasMessageContaining("Expecting the guest to succeed");
        assertThat(errors.get(1)).hasMessageContaining("no such text").hasMessageContaining("[stdout of classpath:");
        assertThat(errors.get(2)).hasMessageContaining("99");
        assertThat(errors.get(4)).hasMessageContaining("[stderr of classpath:");
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (5 failures)");
    }

    @Test
    void chainsContinueAfterAFailure() {
        SoftWasiAssertions softly = new SoftWasiAssertions();

        softly.then(EXIT1).succeeded().hasStdoutContaining("absent").stdout().startsWith("nope");

        assertThat(softly.errorsCollected()).hasSize(3);
    }

    @Test
    void injectedByAssertJsExtensionAndCheckedAfterTheTest() {
        injected.assertThat(EXIT1).hasExitCode(1).stdoutLines().contains("Wasm Guest: Hello from stdout!");
        assertThat(injected.errorsCollected()).isEmpty();
    }
}
