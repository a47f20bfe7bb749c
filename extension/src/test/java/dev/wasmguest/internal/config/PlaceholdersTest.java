package dev.wasmguest.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private final Settings settings = Settings.of(
            properties("base", "http://h:1", "dollar", "$1\\"),
            new Properties(),
            Map.of("base", "from-env", "HOME_DIR", "/home/u", "only.env", "e"));

    @Test
    void expandsEveryPlaceholderPropertiesFirst() {
        assertThat(Placeholders.expand("${base}/a/${only.env}.wasm", settings)).isEqualTo("http://h:1/a/e.wasm");
    }

    @Test
    void keysWithDotsAlsoMatchUpperSnakeEnvironmentNames() {
        assertThat(Placeholders.expand("${home.dir}", settings)).isEqualTo("/home/u");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(Placeholders.expand("x${dollar}y", settings)).isEqualTo("x$1\\y");
    }

    @Test
    void textWithoutPlaceholdersIsUnchanged() {
        assertThat(Placeholders.expand("plain $ {text}", settings)).isEqualTo("plain $ {text}");
    }

    @Test
    void unresolvedKeyIsNamed() {
        assertThatThrownBy(() -> Placeholders.expand("${missing.key}/x", settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unresolved placeholder ${missing.key}")
                .hasMessageContaining("-Dmissing.key=");
    }

    @Test
    void prioritySourceWins() {
        Settings junit = settings.withPriority(
                "JUnit configuration parameter", key -> key.equals("base") ? Optional.of("junit") : Optional.empty());
        assertThat(Placeholders.expand("${base}", junit)).isEqualTo("junit");
        assertThat(Placeholders.expand("${only.env}", junit)).isEqualTo("e");
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
