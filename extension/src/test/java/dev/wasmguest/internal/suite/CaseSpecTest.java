package dev.wasmguest.internal.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case's spec, read with its defaults; a malformed one names its file and where or which key is wrong. */
class CaseSpecTest {

    @TempDir
    Path suite;

    @Test
    void aCaseWithoutSpecTakesTheDefaults() {
        CaseSpec spec = CaseSpec.read(suite.resolve("plain.wasm"));

        assertThat(spec.name()).isEqualTo("plain");
        assertThat(spec.specFile()).isEmpty();
        assertThat(spec.args()).isEmpty();
        assertThat(spec.env()).isEmpty();
        assertThat(spec.exitCode()).isZero();
        assertThat(spec.stdout()).isEmpty();
        assertThat(spec.dirs()).isEmpty();
        assertThat(spec.root()).isEmpty();
    }

    @Test
    void everyKey() throws IOException {
        write(
                "full",
                "{\"args\": [\"a\", \"b\"], \"env\": {\"K\": \"v\"}, \"exit_code\": 3, \"stdout\": \"out\","
                        + " \"stderr\": \"err\", \"dirs\": [\"fs\"], \"root\": \"tree\"}");

        CaseSpec spec = CaseSpec.read(suite.resolve("full.wasm"));

        assertThat(spec.specFile()).contains(suite.resolve("full.json"));
        assertThat(spec.args()).containsExactly("a", "b");
        assertThat(spec.env()).isEqualTo(Map.of("K", "v"));
        assertThat(spec.exitCode()).isEqualTo(3);
        assertThat(spec.stdout()).contains("out");
        assertThat(spec.stderr()).contains("err");
        assertThat(spec.dirs()).isEqualTo(List.of("fs"));
        assertThat(spec.root()).isEqualTo(Optional.of("tree"));
    }

    @Test
    void brokenJsonNamesTheFileLineAndColumn() throws IOException {
        Path file = write("broken", "{\n  \"args\": [\"a\",]\n}");

        assertThatThrownBy(() -> CaseSpec.read(suite.resolve("broken.wasm")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec " + file + ": invalid JSON at line 2, column 16: expected a value, found ']'");
    }

    @Test
    void aStringEndingInABackslashIsReportedNotThrownRaw() throws IOException {
        Path file = write("backslash", "{\"stdout\": \"abc\\");

        assertThatThrownBy(() -> CaseSpec.read(suite.resolve("backslash.wasm")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec " + file + ": invalid JSON at line 1, column 17: unterminated string");
    }

    @Test
    void wrongTypesNameTheKey() throws IOException {
        assertSpecFails("{\"args\": \"a\"}", "\"args\" must be an array of strings");
        assertSpecFails("{\"args\": [1]}", "\"args\" must be a string, got 1");
        assertSpecFails("{\"env\": [\"K=v\"]}", "\"env\" must be an object of strings");
        assertSpecFails("{\"env\": {\"K\": true}}", "\"env.K\" must be a string, got true");
        assertSpecFails("{\"exit_code\": 1.5}", "\"exit_code\" must be a whole number of 32 bits, got 1.5");
        assertSpecFails(
                "{\"exit_code\": 4294967296}", "\"exit_code\" must be a whole number of 32 bits, got" + " 4294967296");
        assertSpecFails("[]", "the spec must be a JSON object");
    }

    @Test
    void aSuiteIsNamedByItsManifestElseItsDirectory() throws IOException {
        assertThat(SuiteDirectory.of(suite).name())
                .isEqualTo(suite.getFileName().toString());
        Files.writeString(suite.resolve("manifest.json"), "{\"name\": \"WASI basics\"}");
        assertThat(SuiteDirectory.of(suite).name()).isEqualTo("WASI basics");

        Files.writeString(suite.resolve("manifest.json"), "{\"name\": ");
        assertThatThrownBy(() -> SuiteDirectory.of(suite).name())
                .hasMessage(suite.resolve("manifest.json")
                        + ": invalid JSON at line 1, column 10: expected a value, found the end of the text");
    }

    private void assertSpecFails(String json, String problem) throws IOException {
        Path file = write("bad", json);
        assertThatThrownBy(() -> CaseSpec.read(suite.resolve("bad.wasm")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("spec " + file + ": " + problem);
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(suite.resolve(name + ".json"), json);
    }
}
