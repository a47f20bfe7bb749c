package dev.wasmguest.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiEngine;
import org.junit.jupiter.api.Test;

/** Which code a run gets: what each engine setting means while compiled code is there, coming or failed. */
class EngineChoiceTest {

    private static final long SMALL = EngineChoice.AUTO_WAITS_BELOW_CODE_BYTES - 1;
    private static final long LARGE = EngineChoice.AUTO_WAITS_BELOW_CODE_BYTES;

    @Test
    void theInterpreterAndTheCompilerAreWhatTheySay() {
        assertThat(EngineChoice.compiled(WasiEngine.INTERPRETER, true, false, SMALL))
                .isFalse();
        assertThat(EngineChoice.compiled(WasiEngine.COMPILER, false, true, LARGE))
                .isTrue();
        assertThat(EngineChoice.compiled(WasiEngine.COMPILER, false, false, LARGE))
                .as("failed: says why")
                .isTrue();
    }

    @Test
    void autoTakesCompiledCodeWhenItIsThereAndWaitsOnlyForASmallModule() {
        assertThat(EngineChoice.compiled(WasiEngine.AUTO, true, false, LARGE)).isTrue();
        assertThat(EngineChoice.compiled(WasiEngine.AUTO, false, true, SMALL))
                .as("quick to translate")
                .isTrue();
        assertThat(EngineChoice.compiled(WasiEngine.AUTO, false, true, LARGE))
                .as("interpret meanwhile")
                .isFalse();
        assertThat(EngineChoice.compiled(WasiEngine.AUTO, false, false, SMALL))
                .as("translation failed")
                .isFalse();
    }
}
