package dev.wasmguest.internal.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasmguest.WitCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A typed call's result matches what a test writes: numbers as numbers at any depth, the rest structurally. */
class WitValueMatchTest {

    @Test
    void numbersMatchAsNumbersWhereverTheyAre() {
        assertThat(WitValueMatch.matches(5L, 5)).isTrue();
        assertThat(WitValueMatch.matches(WitCase.ok(42L), WitCase.ok(42))).isTrue();
        assertThat(WitValueMatch.matches(List.of(List.of("to", 2L)), List.of(List.of("to", 2))))
                .isTrue();
        assertThat(WitValueMatch.matches(Map.of("x", 1L, "y", 2), Map.of("x", 1, "y", 2L)))
                .isTrue();
        assertThat(WitValueMatch.matches(Optional.of(3L), Optional.of(3))).isTrue();
        assertThat(WitValueMatch.matches(2.5, 2.5f)).isTrue();
        assertThat(WitValueMatch.matches(5L, 6)).isFalse();
        assertThat(WitValueMatch.matches(2.5, 2)).isFalse();
    }

    @Test
    void theRestMatchesStructurally() {
        assertThat(WitValueMatch.matches(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(WitValueMatch.matches(Set.of("y", "z"), Set.of("z", "y"))).isTrue();
        assertThat(WitValueMatch.matches(WitCase.error("none"), WitCase.ok("none")))
                .isFalse();
        assertThat(WitValueMatch.matches(List.of(1L), List.of(1L, 2L))).isFalse();
        assertThat(WitValueMatch.matches(Map.of("x", 1L), Map.of("y", 1L))).isFalse();
        assertThat(WitValueMatch.matches(Optional.empty(), Optional.of(1))).isFalse();
        assertThat(WitValueMatch.matches("3", 3)).isFalse();
    }
}
