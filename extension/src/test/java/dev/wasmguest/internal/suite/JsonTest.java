package dev.wasmguest.internal.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spec reader keeps to RFC 8259, and every malformed text fails with where and what, nothing else. */
class JsonTest {

    @Test
    void everyKindOfValue() {
        Object value = Json.parse(" {\"s\": \"x\", \"n\": -12, \"d\": 1.5e2, \"t\": true, \"f\": false, \"z\": null,"
                + " \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}}\n");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("s", "x");
        expected.put("n", -12L);
        expected.put("d", 150.0);
        expected.put("t", true);
        expected.put("f", false);
        expected.put("z", null);
        expected.put("a", List.of(1L, List.of(), Map.of()));
        expected.put("o", Map.of("k", "v"));
        assertThat(value).isEqualTo(expected);
        assertThat(List.<Object>copyOf(((Map<?, ?>) value).keySet()))
                .containsExactly("s", "n", "d", "t", "f", "z", "a", "o");
    }

    @Test
    void scalarsAtTheTop() {
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0.0")).isEqualTo(-0.0);
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("2E-3")).isEqualTo(0.002);
        assertThat(Json.parse("\"\"")).isEqualTo("");
        assertThat(Json.parse("null")).isNull();
        assertThat(Json.parse("\uFEFF[]")).as("a byte-order mark is skipped").isEqualTo(List.of());
    }

    @Test
    void everyEscape() {
        assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\""))
                .isEqualTo("\" \\ / \b \f \n \r \t é 😀");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``                      | line 1, column 1: expected a value, found the end of the text",
                "`{`                     | line 1, column 2: expected a key in double quotes, found the end of the text",
                "`{\"a\" 1}`             | line 1, column 6: expected ':', found '1'",
                "`{\"a\": 1,}`           | line 1, column 9: expected a key in double quotes, found '}'",
                "`{a: 1}`                | line 1, column 2: expected a key in double quotes, found 'a'",
                "`{\"a\": 1 \"b\": 2}`   | line 1, column 9: expected '}', found '\"'",
                "`{\"a\": 1, \"a\": 2}`  | line 1, column 10: duplicate key \"a\"",
                "`[1 2]`                 | line 1, column 4: expected ']', found '2'",
                "`[1,]`                  | line 1, column 4: expected a value, found ']'",
                "`\"abc`                 | line 1, column 5: unterminated string",
                "`\"abc\\`               | line 1, column 6: unterminated string",
                "`\"\\x\"`               | line 1, column 3: invalid escape \\x",
                "`\"\\u12\"`             | line 1, column 6: \\u must be followed by four hexadecimal digits",
                "`\"\\u12`               | line 1, column 6: \\u must be followed by four hexadecimal digits",
                "`01`                    | line 1, column 2: a number must not start with 0 unless it is 0",
                "`1.`                    | line 1, column 3: expected a digit after the decimal point, found the end",
                "`.5`                    | line 1, column 1: expected a value, found '.'",
                "`+1`                    | line 1, column 1: expected a value, found '+'",
                "`-`                     | line 1, column 2: expected a digit, found the end of the text",
                "`1e`                    | line 1, column 3: expected a digit in the exponent, found the end",
                "`99999999999999999999`  | line 1, column 1: whole number 99999999999999999999 is out of range",
                "`tru`                   | line 1, column 1: expected a value, found 't'",
                "`nul1`                  | line 1, column 1: expected a value, found 'n'",
                "`{} {}`                 | line 1, column 4: unexpected '{' after the value",
                "`[\n  1,\n  x\n]`       | line 3, column 3: expected a value, found 'x'",
            })
    void malformedTextSaysWhereAndWhat(String text, String expected) {
        assertThatThrownBy(() -> Json.parse(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at " + expected);
    }

    @Test
    void quotedStringsReadBackAsTheyWere() {
        String text = "say \"hi\"\\ \n\r\t\u0001 é 😀";
        assertThat(Json.quote(text)).isEqualTo("\"say \\\"hi\\\"\\\\ \\n\\r\\t\\u0001 é 😀\"");
        assertThat(Json.parse(Json.quote(text))).isEqualTo(text);
    }

    @Test
    void controlCharactersInStringsMustBeEscaped() {
        assertThatThrownBy(() -> Json.parse("\"a\tb\""))
                .hasMessage("invalid JSON at line 1, column 3: control"
                        + " character U+0009 in a string; write it as an escape such as \\n or \\u0009");
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(deep)).isInstanceOf(List.class);

        String deeper = "[".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(deeper))
                .hasMessage("invalid JSON at line 1, column " + (Json.MAX_DEPTH + 1) + ": nested deeper than "
                        + Json.MAX_DEPTH + " levels");
    }

    /** Whatever the damage to a spec, the reader answers with a position, never with another exception. */
    @Test
    void damagedSpecsFailOnlyWithItsOwnMessage() {
        String spec =
                "{\"args\": [\"a\", \"b\\n\"], \"env\": {\"K\": \"\\u00e9\"}, \"exit_code\": 3, \"stdout\": \"x\"}";
        String alphabet = "{}[]\":,\\u0123456789abcdeEfnrtl.-+ \n\t\u0001";
        Random random = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            char[] damaged = spec.toCharArray();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                damaged[random.nextInt(damaged.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(damaged, 0, random.nextInt(damaged.length + 1));
            Throwable thrown = catchThrowable(() -> Json.parse(text));
            if (thrown != null) {
                assertThat(thrown)
                        .as(Arrays.toString(text.toCharArray()))
                        .isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessageMatching("invalid JSON at line \\d+, column \\d+: .+");
            }
        }
    }
}
