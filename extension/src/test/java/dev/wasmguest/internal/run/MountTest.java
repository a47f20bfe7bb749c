package dev.wasmguest.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Mounts as users write them, in the one grammar: {@code @WasmGuest(dirs)} (HOST::/GUEST, HOST::/GUEST:ro,
 * ::/GUEST) and the command line (wasmtime's --dir HOST[::GUEST], and --fixture HOST::GUEST).
 */
class MountTest {

    @Test
    void readWriteReadOnlyAndTemporary() {
        assertThat(Mount.parse("src/test/data::/data")).isEqualTo(Mount.readWrite("/data", Path.of("src/test/data")));
        assertThat(Mount.parse("src/test/data::/data:ro")).isEqualTo(Mount.readOnly("/data", Path.of("src/test/data")));
        assertThat(Mount.parse("::/out")).isEqualTo(Mount.temporary("/out"));
    }

    @Test
    void malformedEntriesAreNamed() {
        assertThatThrownBy(() -> Mount.parse("src/test/data:/data"))
                .hasMessageContaining("dirs entry \"src/test/data:/data\" is not of the form HOST::/GUEST");
        assertThatThrownBy(() -> Mount.parse("data::relative")).hasMessageContaining("HOST::/GUEST");
        assertThatThrownBy(() -> Mount.parse("data::/a/../b")).hasMessageContaining("HOST::/GUEST");
        assertThatThrownBy(() -> Mount.parse("::/out:ro")).hasMessageContaining("cannot be read-only");
    }

    @Test
    void theCommandLineTakesWasmtimesFormsToo() {
        assertThat(Mount.parseCommandLine("fs.dir", false)).isEqualTo(Mount.readWrite("fs.dir", Path.of("fs.dir")));
        assertThat(Mount.parseCommandLine("data::/data", false)).isEqualTo(Mount.readWrite("/data", Path.of("data")));
        assertThat(Mount.parseCommandLine("data::/data:ro", false)).isEqualTo(Mount.readOnly("/data", Path.of("data")));
        assertThat(Mount.parseCommandLine("suite/fs.dir::fs.dir", true))
                .isEqualTo(Mount.fixture("fs.dir", Path.of("suite/fs.dir")));
        assertThatThrownBy(() -> Mount.parseCommandLine("fs.dir", true))
                .hasMessage("--fixture takes HOST::GUEST, got \"fs.dir\"");
        assertThatThrownBy(() -> Mount.parseCommandLine("::/out", false))
                .hasMessage("--dir takes HOST::GUEST (or HOST::GUEST:ro, or HOST), got \"::/out\"");
    }

    @Test
    void guestPathsUsersNameAreAbsoluteWithoutDotDot() {
        assertThat(Mount.guestPath("/data")).isEqualTo("/data");
        assertThatThrownBy(() -> Mount.guestPath("data")).hasMessageContaining("absolute path without '..'");
        assertThatThrownBy(() -> Mount.guestPath("/a/../b")).hasMessageContaining("absolute path without '..'");
    }
}
