package dev.wasmguest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.internal.resolve.ResolutionSettings;
import dev.wasmguest.internal.resolve.TransferLimits;
import dev.wasmguest.internal.run.RunLimits;
import dev.wasmguest.junit.WasiTestSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one list of keys in code and the configuration table of docs/configuration.md say the same, and the code keeps its word. */
class WasmGuestSettingTest {

    @Test
    void theReadmeTableListsEveryKeyWithItsDefaultAndMeaning() throws IOException {
        Map<String, List<String>> readme = readmeTable();
        Map<String, List<String>> code = Arrays.stream(WasmGuestSetting.values())
                .collect(Collectors.toMap(
                        WasmGuestSetting::key,
                        setting -> List.of(setting.defaultValue(), setting.meaning()),
                        (a, b) -> a,
                        LinkedHashMap::new));

        assertThat(readme).containsExactlyEntriesOf(code);
    }

    @Test
    void theDocumentedDefaultsAreTheOnesInForce() {
        assertThat(RunLimits.DEFAULTS.timeout()).isEqualTo(duration(WasmGuestSetting.TIMEOUT));
        assertThat(RunLimits.DEFAULTS.prepareTimeout()).isEqualTo(duration(WasmGuestSetting.PREPARE_TIMEOUT));
        assertThat(RunLimits.DEFAULTS.maxMemoryBytes()).isEqualTo(512L << 20);
        assertThat(RunLimits.DEFAULTS.maxOutputBytes()).isEqualTo(16L << 20);
        assertThat(ResolutionSettings.DEFAULT_MAX_AGE).isEqualTo(duration(WasmGuestSetting.CACHE_MAX_AGE));
        TransferLimits transfer = TransferLimits.DEFAULTS;
        assertThat(transfer.connectTimeout()).isEqualTo(duration(WasmGuestSetting.HTTP_CONNECT_TIMEOUT));
        assertThat(transfer.requestTimeout()).isEqualTo(duration(WasmGuestSetting.HTTP_REQUEST_TIMEOUT));
        assertThat(transfer.stallTimeout()).isEqualTo(duration(WasmGuestSetting.HTTP_STALL_TIMEOUT));
        assertThat(transfer.retryBackoff()).isEqualTo(duration(WasmGuestSetting.HTTP_RETRY_BACKOFF));
        assertThat(transfer.lockTimeout()).isEqualTo(duration(WasmGuestSetting.CACHE_LOCK_TIMEOUT));
        assertThat(String.valueOf(transfer.retries())).isEqualTo(WasmGuestSetting.HTTP_RETRIES.defaultValue());
        assertThat(String.valueOf(transfer.maxRedirects()))
                .isEqualTo(WasmGuestSetting.HTTP_MAX_REDIRECTS.defaultValue());
        assertThat(WasmGuestSetting.DOWNLOAD_MAX_BYTES.defaultValue()).startsWith(transfer.maxModuleBytes() + " ");
    }

    @Test
    void keysAreFoundByName() {
        assertThat(WasmGuestSetting.byKey("wasmguest.timeout")).contains(WasmGuestSetting.TIMEOUT);
        assertThat(WasmGuestSetting.byKey("wasmguest.tiemout")).isEmpty();
        assertThat(WasiTestSuite.CASES).isEqualTo(WasmGuestSetting.SUITES_CASES.key());
    }

    @Test
    void aKeyThatTakesOneOfAFixedSetNamesItsValues() {
        assertThat(WasmGuestSetting.ENGINE.choices()).containsExactly("auto", "compiler", "interpreter");
        assertThat(WasmGuestSetting.ENGINE.choices()).contains(WasmGuestSetting.ENGINE.defaultValue());
        assertThat(WasmGuestSetting.TIMEOUT.choices()).isEmpty();
    }

    private static Duration duration(WasmGuestSetting setting) {
        return Duration.parse(setting.defaultValue());
    }

    /** Key to default and meaning, as the documentation's table shows them, markdown taken out. */
    private static Map<String, List<String>> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../docs/configuration.md"));
        int header = lines.indexOf("| key | default | meaning |");
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("| ")) {
                break;
            }
            String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
            table.put(plain(cells[0]), List.of(plain(cells[1]), plain(cells[2])));
        }
        return table;
    }

    private static String plain(String markdown) {
        return markdown.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1").replace("`", "");
    }
}
