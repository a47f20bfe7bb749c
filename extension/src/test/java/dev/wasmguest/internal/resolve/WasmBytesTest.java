package dev.wasmguest.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.GuestResolutionException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WasmBytesTest {

    @Test
    void acceptsTheWasmHeader() {
        assertThatCode(() -> WasmBytes.requireWasm("m", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}))
                .doesNotThrowAnyException();
    }

    @Test
    void recognisesHtml() {
        byte[] page = "\n  <!DOCTYPE html><html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WasmBytes.requireWasm("https://x/m.wasm", page))
                .isInstanceOf(GuestResolutionException.class)
                .hasMessageStartingWith(
                        "Cannot load guest module https://x/m.wasm: received an HTML page, not a wasm module");
    }

    @Test
    void namesAnHtmlPageByItsTitle() {
        String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>\n  Page not found"
                + " &amp; gone\n</title></head><body>...</body></html>";
        byte[] page = html.getBytes(StandardCharsets.UTF_8);

        assertThat(WasmBytes.describeHtml(page)).isEqualTo("an HTML page titled \"Page not found & gone\"");
        assertThat(WasmBytes.describeHtml("<html><body>x".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("an HTML page");
    }

    @Test
    void acceptsAComponentAndRefusesANewerLayer() {
        byte[] component = {0, 'a', 's', 'm', 0x0d, 0, 0x01, 0};
        WasmBytes.requireWasm("c", component);
        assertThat(WasmBytes.hasComponentHeader(component)).isTrue();

        byte[] newer = {0, 'a', 's', 'm', 0x0d, 0, 0x02, 0};
        assertThatThrownBy(() -> WasmBytes.requireWasm("n", newer))
                .hasMessageContaining("0d 00 02 00")
                .hasMessageContaining("neither a core module of version 1 nor a component");
    }

    @Test
    void describesOtherBytes() {
        assertThatThrownBy(() -> WasmBytes.requireWasm("t", "hello".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("does not start with the bytes 00 61 73 6d")
                .hasMessageContaining("\"hello\"");
        assertThatThrownBy(() -> WasmBytes.requireWasm("e", new byte[0])).hasMessageContaining("received 0 bytes");
        assertThatThrownBy(() -> WasmBytes.requireWasm("b", new byte[] {(byte) 0xff, (byte) 0xfe}))
                .hasMessageContaining("starts with: ff fe");
    }
}
