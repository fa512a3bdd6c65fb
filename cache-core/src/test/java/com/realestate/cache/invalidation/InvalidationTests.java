package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidationTests {

    @Test
    void namesAreKeptOnceInTheirFirstOrder() {
        Invalidation invalidation = Invalidation.of(List.of("b", "a", "b"), List.of("g", "g"));

        assertThat(invalidation.keys()).containsExactly("b", "a");
        assertThat(invalidation.groups()).containsExactly("g");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a\u001Fgeneration", "line\nbreak"})
    void blankNamesAndNamesWithControlCharactersAreRefused(String name) {
        assertThatThrownBy(() -> Invalidation.ofKeys(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key to invalidate");
        assertThatThrownBy(() -> Invalidation.ofGroups(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group to invalidate");
    }

    @Test
    void nullNamesAreRefused() {
        assertThatThrownBy(() -> new Invalidation(Arrays.asList("a", null), List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesLongerThanTheClientAcceptsAreRefused() {
        assertThatThrownBy(() -> Invalidation.ofKeys("k".repeat(Invalidation.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1024");
    }

    @Test
    void theListsCannotBeChangedAfterwards() {
        Invalidation invalidation = Invalidation.ofKeys("a");

        assertThatThrownBy(() -> invalidation.keys().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nothingIsEmptyAndAFlushIsNot() {
        assertThat(Invalidation.nothing().isEmpty()).isTrue();
        assertThat(Invalidation.everything().isEmpty()).isFalse();
        assertThat(Invalidation.ofKeys("a").isEmpty()).isFalse();
    }

    @Test
    void andJoinsKeysGroupsAndFlush() {
        Invalidation joined = Invalidation.of(List.of("a"), List.of("g")).and(Invalidation.ofKeys("a", "b"))
                .and(Invalidation.everything());

        assertThat(joined).isEqualTo(new Invalidation(List.of("a", "b"), List.of("g"), true));
    }

    @Test
    void withoutLeavesWhatWasNotDone() {
        Invalidation asked = new Invalidation(List.of("a", "b"), List.of("g", "h"), true);

        Invalidation left = asked.without(Invalidation.of(List.of("a"), List.of("h")));

        assertThat(left).isEqualTo(new Invalidation(List.of("b"), List.of("g"), true));
        assertThat(left.without(new Invalidation(List.of("b"), List.of("g"), true)).isEmpty()).isTrue();
    }
}
