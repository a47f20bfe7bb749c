package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Modules from the class path, from files and from file URLs, through the annotation and the runner API. */
class SourcesTest {

    @Test
    void classpathResource(@WasmGuest(resource = "guests/seed.wasm", args = "from-classpath") WasiResult result) {
        assertThat(result).succeeded().stdout().contains("[from-classpath]");
    }

    @Test
    void filePathWithPlaceholder(@WasmGuest(file = "${guests.dir}/seed.wasm", args = "from-file") WasiResult result) {
        assertThat(result).succeeded().stdout().contains("[from-file]");
    }

    @Test
    void fileUrl() {
        String url = GuestServerSession.guestsDirectory()
                .resolve("seed.wasm")
                .toUri()
                .toString();
        assertThat(WasiRunner.fromUrl(url).run("from-file-url"))
                .succeeded()
                .stdout()
                .contains("[from-file-url]");
    }

    @Test
    void runnerApiWithoutJUnit() throws Exception {
        Path seed = GuestServerSession.guestsDirectory().resolve("seed.wasm");

        assertThat(WasiRunner.fromFile(seed).run("a")).succeeded().stdout().contains("[a]");
        assertThat(WasiRunner.fromResource("guests/seed.wasm").run("b"))
                .succeeded()
                .stdout()
                .contains("[b]");
        assertThat(WasiRunner.fromBytes(Files.readAllBytes(seed)).run("c"))
                .succeeded()
                .stdout()
                .contains("[c]");
    }
}
