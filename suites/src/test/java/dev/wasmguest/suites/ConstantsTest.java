package dev.wasmguest.suites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.suites.internal.SuitesExecution;
import org.junit.jupiter.api.Test;

/**
 * The engine's public keys are compile-time constants, for annotations; the settings the engine reads them as are
 * the extension's, whose table the configuration docs show. They must say the same.
 */
class ConstantsTest {

    @Test
    void everyKeyIsTheSettingTheEngineReads() {
        assertThat(Constants.SUITES).isEqualTo(WasmGuestSetting.SUITES.key());
        assertThat(Constants.CASES).isEqualTo(WasmGuestSetting.SUITES_CASES.key());
        assertThat(Constants.EXPECTATIONS).isEqualTo(WasmGuestSetting.SUITES_EXPECTATIONS.key());
        assertThat(Constants.SKIP).isEqualTo(WasmGuestSetting.SUITES_SKIP.key());
        assertThat(Constants.REPORT).isEqualTo(WasmGuestSetting.SUITES_REPORT.key());
        assertThat(Constants.SHARD).isEqualTo(WasmGuestSetting.SUITES_SHARD.key());
        assertThat(Constants.TIMEOUT).isEqualTo(WasmGuestSetting.SUITES_TIMEOUT.key());
        assertThat(Constants.PARALLEL).isEqualTo(WasmGuestSetting.SUITES_PARALLEL.key());
        assertThat(Constants.PARALLEL_CONFIG_PREFIX).isEqualTo(SuitesExecution.PARALLEL_CONFIG_PREFIX);
    }
}
