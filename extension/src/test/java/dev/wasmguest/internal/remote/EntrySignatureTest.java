package dev.wasmguest.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.internal.config.Settings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Only the holders of the key make entries that verify, and an entry stands only for the name it was signed under. */
class EntrySignatureTest {

    private final EntrySignature signature = new EntrySignature("fleet secret");
    private final byte[] entry = "compiled classes".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignedEntryVerifiesUnderItsNameAndKey() {
        assertThat(signature.verified("key-a", signature.signed("key-a", entry)))
                .hasValue(entry);
    }

    @Test
    void aFlippedBitAnotherKeyAnotherNameOrACutEntryDoNotVerify() {
        byte[] signed = signature.signed("key-a", entry);
        for (int index = 0; index < signed.length; index++) {
            byte[] tampered = signed.clone();
            tampered[index] ^= 0x01;
            assertThat(signature.verified("key-a", tampered))
                    .as("byte %d flipped", index)
                    .isEmpty();
        }
        assertThat(new EntrySignature("another secret").verified("key-a", signed))
                .isEmpty();
        assertThat(signature.verified("key-b", signed)).isEmpty();
        assertThat(signature.verified("key-a", new byte[10])).isEmpty();
    }

    @Test
    void theRemoteCacheSettingsAreCheckedWhenRead() {
        assertThat(RemoteCache.from(settings(Map.of()))).isEmpty();
        assertThat(RemoteCache.from(settings(Map.of("wasmguest.cache.remote", "http://u:p@cache:8080/wg"))))
                .hasValueSatisfying(remote -> assertThat(remote.settings())
                        .containsEntry("wasmguest.cache.remote", "http://u:p@cache:8080/wg")
                        .containsEntry("wasmguest.cache.remote.layout", "{kind}/{key}")
                        .containsEntry("wasmguest.cache.remote.write", "false")
                        .doesNotContainKey("wasmguest.cache.remote.key"));
        assertThatThrownBy(() -> RemoteCache.from(settings(Map.of("wasmguest.cache.remote", "ftp://cache/"))))
                .hasMessageContaining("wasmguest.cache.remote=\"ftp://cache/\"")
                .hasMessageContaining("expected an http or https URL");
        assertThatThrownBy(() -> RemoteCache.from(settings(Map.of(
                        "wasmguest.cache.remote", "http://cache/", "wasmguest.cache.remote.layout", "cache/all"))))
                .hasMessageContaining("expected a path with {key}");
    }

    private static Settings settings(Map<String, String> properties) {
        Properties system = new Properties();
        system.putAll(properties);
        return Settings.of(system, new Properties(), Map.of());
    }
}
