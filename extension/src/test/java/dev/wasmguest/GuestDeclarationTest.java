package dev.wasmguest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasmguest.internal.run.Mount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code dirs} attribute of {@code @WasmGuest}: HOST::GUEST, HOST::GUEST:ro and ::GUEST. */
class GuestDeclarationTest {

    @Test
    void readWriteReadOnlyAndTemporary() {
        assertThat(GuestDeclaration.mount("src/test/data::/data"))
                .isEqualTo(Mount.readWrite("/data", Path.of("src/test/data")));
        assertThat(GuestDeclaration.mount("src/test/data::/data:ro"))
                .isEqualTo(Mount.readOnly("/data", Path.of("src/test/data")));
        assertThat(GuestDeclaration.mount("::/out")).isEqualTo(Mount.temporary("/out"));
    }

    @Test
    void malformedEntriesAreNamed() {
        assertThatThrownBy(() -> GuestDeclaration.mount("src/test/data:/data"))
                .hasMessageContaining("dirs entry \"src/test/data:/data\" is not of the form HOST::/GUEST");
        assertThatThrownBy(() -> GuestDeclaration.mount("data::relative")).hasMessageContaining("HOST::/GUEST");
        assertThatThrownBy(() -> GuestDeclaration.mount("data::/a/../b")).hasMessageContaining("HOST::/GUEST");
        assertThatThrownBy(() -> GuestDeclaration.mount("::/out:ro")).hasMessageContaining("cannot be read-only");
    }
}
