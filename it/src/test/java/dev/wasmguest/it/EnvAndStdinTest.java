package dev.wasmguest.it;

import static dev.wasmguest.assertions.WasiAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import dev.wasmguest.junit.WasmGuest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The echo guest copies stdin to stdout and reports one environment variable: what it gets is what we give. */
@WasmGuest(url = "${guest.base}/echo.wasm")
class EnvAndStdinTest {

    @Test
    void stdinAndEnvFromTheAnnotation(
            @WasmGuest(
                            url = "${guest.base}/echo.wasm",
                            stdin = "line one\nline two\n",
                            env = {"GREETING=hello there", "OTHER=x=y"})
                    WasiResult result) {
        assertThat(result).succeeded().hasStdout("line one\nline two\n");
        assertThat(result.stderr()).isEqualTo("env GREETING=hello there\n");
        assertThat(result.env()).containsEntry("OTHER", "x=y");
    }

    @Test
    void stdinAndEnvFromTheRunner(WasiRunner echo) {
        WasiResult result =
                echo.withStdin("from the runner").withEnv("NAME", "Ada").run("NAME");

        assertThat(result).succeeded().hasStdout("from the runner").hasStderrContaining("env NAME=Ada");
    }

    @Test
    void binaryStdinIsPassedByteForByte(WasiRunner echo) {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        assertThat(echo.withStdin(bytes).run().stdoutBytes()).isEqualTo(bytes);
    }

    @Test
    void stdinFromAFileOrAClasspathResource(WasiRunner echo, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("in.txt"), "from a file\n");

        assertThat(echo.withStdin(file).run()).succeeded().hasStdout("from a file\n");
        assertThat(echo.withStdinFromResource("stdin/greeting.txt").run())
                .succeeded()
                .hasStdout("from a resource\n");
    }

    @Test
    void nothingOfTheHostIsInherited(WasiRunner echo) {
        assertThat(System.getenv("PATH")).as("the host has PATH").isNotNull();

        WasiResult result = echo.run("PATH");

        assertThat(result).succeeded().hasStderrContaining("env PATH is not set");
        assertThat(result.stdoutBytes())
                .as("stdin is closed: the guest reads end-of-file at once")
                .isEmpty();
    }

    @Test
    void utf8OutputIsDecodedLosslessly(WasiRunner echo) {
        String text = "grüße, 世界, 🎉\n";
        WasiResult result = echo.withStdin(text).run();
        assertThat(result.stdout()).isEqualTo(text);
        assertThat(result.stdoutBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
}
