package dev.wasmguest.internal.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WasmGuestSetting;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** trycmd's matching rules: normalised newlines, {@code [..]} within a line, {@code ...} for any lines. */
class SnapshotMatcherTest {

    @Test
    void exactTextAndNormalisedNewlines() {
        assertThat(SnapshotMatcher.matches("a\nb\n", "a\r\nb\r\n")).isTrue();
        assertThat(SnapshotMatcher.matches("a\nb\n", "a\nc\n")).isFalse();
        assertThat(SnapshotMatcher.matches("a\n", "a"))
                .as("the final newline counts")
                .isFalse();
        assertThat(SnapshotMatcher.matches("", "")).isTrue();
    }

    @Test
    void anyTextWithinALine() {
        assertThat(SnapshotMatcher.matches("took [..] ms\n", "took 42 ms\n")).isTrue();
        assertThat(SnapshotMatcher.matches("[..] of [..]\n", "3 of 4\n")).isTrue();
        assertThat(SnapshotMatcher.matches("took [..] ms\n", "took 42\nms\n"))
                .as("never across lines")
                .isFalse();
        assertThat(SnapshotMatcher.matches("a.b [..]\n", "aXb 1\n"))
                .as("the rest is literal")
                .isFalse();
        assertThat(SnapshotMatcher.matches("a[..]b[..]c\n", "abc\n"))
                .as("[..] may be empty")
                .isTrue();
        assertThat(SnapshotMatcher.matches("ab[..]ba\n", "aba\n"))
                .as("the parts may not overlap")
                .isFalse();
        assertThat(SnapshotMatcher.matches("[..]x[..]x\n", "x\n")).isFalse();
        assertThat(SnapshotMatcher.matches("[..]\n", "anything at all\n")).isTrue();
    }

    @Test
    void anyNumberOfLines() {
        assertThat(SnapshotMatcher.matches("start\n...\nend\n", "start\nend\n")).isTrue();
        assertThat(SnapshotMatcher.matches("start\n...\nend\n", "start\n1\n2\n3\nend\n"))
                .isTrue();
        assertThat(SnapshotMatcher.matches("start\n...\n", "start\nanything\nat all"))
                .isTrue();
        assertThat(SnapshotMatcher.matches("start\n...\nend\n", "start\n1\n")).isFalse();
    }

    @Test
    void outputsOfAHundredThousandLinesWithWildcardsMatchWithoutRecursion() {
        String actual = IntStream.range(0, 100_000)
                .mapToObj(i -> "step " + i + " took " + (i % 97) + " ms\n")
                .collect(Collectors.joining());
        String everyLine = IntStream.range(0, 100_000)
                .mapToObj(i -> i % 1000 == 0 ? "...\n" : "step " + i + " took [..] ms\n")
                .collect(Collectors.joining());

        assertThat(SnapshotMatcher.matches(actual, actual)).isTrue();
        assertThat(SnapshotMatcher.matches(everyLine, actual)).isTrue();
        assertThat(SnapshotMatcher.matches("...\nstep 99999 took [..] ms\n", actual))
                .isTrue();
        assertThat(SnapshotMatcher.matches("...\nstep 5 took [..] ms\n...\nstep 99998 took [..] ms\n", actual))
                .isFalse();
        assertThat(SnapshotMatcher.matches(everyLine.replace("step 77777 took", "step 77777 took no"), actual))
                .isFalse();
    }

    @Test
    void eachAnyLinesTakesAsManyLinesAsTheRestNeeds() {
        assertThat(SnapshotMatcher.matches("...\na\n...\na\nb\n", "a\na\na\nb\n"))
                .isTrue();
        assertThat(SnapshotMatcher.matches("a\n...\n...\nb\n", "a\nb\n")).isTrue();
        assertThat(SnapshotMatcher.matches("...\n", "")).isTrue();
        assertThat(SnapshotMatcher.matches("x\n...\ny\n", "x\ny\nz\n")).isFalse();
    }

    @Test
    void firstDifferenceNamesTheLine() {
        assertThat(SnapshotMatcher.firstDifference("a\nb\n", "a\nc\n"))
                .isEqualTo("line 2: expected \"b\" but was \"c\"");
        assertThat(SnapshotMatcher.firstDifference("a\n", "a\nb\n"))
                .isEqualTo("line 2: expected \"(end of snapshot)\" but was \"b\"");
    }

    @Test
    void snapshotSettings() {
        Snapshots defaults = Snapshots.from(setting -> Optional.empty(), Map.of());
        assertThat(defaults.directory()).hasToString("src/test/snapshots");
        assertThat(defaults.updating()).isFalse();

        Snapshots update = Snapshots.from(
                setting -> setting == WasmGuestSetting.SNAPSHOTS ? Optional.of("update") : Optional.empty(), Map.of());
        assertThat(update.updating()).isTrue();

        Snapshots fromEnv = Snapshots.from(setting -> Optional.of("update"), Map.of("CI", "true"));
        assertThat(fromEnv.updating()).isFalse();
        assertThat(fromEnv.updateRefused()).isTrue();
    }

    @Test
    void redactionsReplaceMachineSpecificText() {
        Redactions redactions = new Redactions();
        redactions.add("id=\\d+", "id=[ID]");
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(redactions.apply("in " + cwd + "/x, id=1234")).isEqualTo("in [CWD]/x, id=[ID]");
    }
}
