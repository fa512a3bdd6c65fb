package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.cache.interceptor.SimpleKey;

/** Spring cache keys as Redis keys: readable where possible, never colliding. */
class CacheKeysTests {

    enum Kind { HOUSE }

    enum OtherKind { HOUSE }

    record TenantKey(String tenant, long id) {
    }

    record Pair(String left, String right) {
    }

    @Test
    void aPlainStringIsItsOwnKey() {
        assertThat(CacheKeys.toKey("property:42")).isEqualTo("property:42");
    }

    @Test
    void aStringANumberAndALongWithTheSameDigitsAreThreeKeys() {
        assertThat(List.of(CacheKeys.toKey("1"), CacheKeys.toKey(1), CacheKeys.toKey(1L))).doesNotHaveDuplicates();
    }

    @Test
    void aStringThatLooksLikeAnEncodedKeyStaysApartFromIt() {
        assertThat(CacheKeys.toKey("~l:1")).isNotEqualTo(CacheKeys.toKey(1L));
    }

    @Test
    void simpleKeysWhoseElementsJoinToTheSameTextStayApart() {
        SimpleKey first = new SimpleKey("tenant-1, 7", "detail");
        SimpleKey second = new SimpleKey("tenant-1", "7, detail");

        assertThat(first.toString()).isEqualTo(second.toString());
        assertThat(CacheKeys.toKey(first)).isNotEqualTo(CacheKeys.toKey(second));
    }

    @Test
    void equalSimpleKeysGiveEqualKeys() {
        assertThat(CacheKeys.toKey(new SimpleKey("tenant-7", 42L))).isEqualTo(CacheKeys.toKey(new SimpleKey("tenant-7", 42L)))
                .isEqualTo("~k(tenant-7,~l:42)");
    }

    @Test
    void aNullElementIsNotTheStringNull() {
        assertThat(CacheKeys.toKey(new SimpleKey("t", null))).isNotEqualTo(CacheKeys.toKey(new SimpleKey("t", "null")));
    }

    @Test
    void enumsOfDifferentTypesWithTheSameConstantStayApart() {
        assertThat(CacheKeys.toKey(Kind.HOUSE)).isNotEqualTo(CacheKeys.toKey(OtherKind.HOUSE));
    }

    @Test
    void recordsAreKeyedByTheirComponentsWithoutSeparatorAmbiguity() {
        assertThat(CacheKeys.toKey(new TenantKey("t-1", 42))).isEqualTo(CacheKeys.toKey(new TenantKey("t-1", 42)));
        assertThat(CacheKeys.toKey(new Pair("x, right=y", "z"))).isNotEqualTo(CacheKeys.toKey(new Pair("x", "y, right=z")));
    }

    @Test
    void uuidsAreReadableKeys() {
        UUID id = UUID.fromString("6f1c2b9e-2c43-4c7e-9f43-0a7c1c2e9b11");

        assertThat(CacheKeys.toKey(id)).isEqualTo("~u:6f1c2b9e-2c43-4c7e-9f43-0a7c1c2e9b11");
    }

    @Test
    void equalSetsAndMapsGiveEqualKeysWhateverTheirIterationOrder() {
        Set<String> ab = new LinkedHashSet<>(List.of("a", "b"));
        Set<String> ba = new LinkedHashSet<>(List.of("b", "a"));

        assertThat(CacheKeys.toKey(ab)).isEqualTo(CacheKeys.toKey(ba));
        assertThat(CacheKeys.toKey(Map.of("k", 1, "j", 2))).isEqualTo(CacheKeys.toKey(new TreeMap<>(Map.of("j", 2, "k", 1))));
    }

    @Test
    void aListAndAnArrayOfTheSameElementsAreDifferentKeys() {
        assertThat(CacheKeys.toKey(List.of("a"))).isNotEqualTo(CacheKeys.toKey(new String[] {"a"}));
    }

    @Test
    void controlCharactersAndBlankStringsBecomeValidKeys() {
        assertThat(CacheKeys.toKey("a\nb")).isEqualTo("~s:a%000Ab");
        assertThat(CacheKeys.toKey("  ")).isEqualTo("~s:  ");
        assertThat(CacheKeys.toKey("")).isEqualTo("~s:");
    }

    @Test
    void halvesOfSurrogatePairsAreEscapedAndWholePairsKept() {
        assertThat(CacheKeys.toKey("a\uD800")).isEqualTo("~s:a%D800");
        assertThat(CacheKeys.toKey('\uDC00')).isEqualTo("~c:%DC00");
        assertThat(CacheKeys.toKey("🏠")).isEqualTo("🏠");
        assertThat(CacheKeys.toKey(List.of("🏠\uD800"))).isEqualTo("~L(~s:🏠%D800)");
    }

    @Test
    void datesThatPrintAlikeButDifferInMillisecondsStayApart() {
        assertThat(CacheKeys.toKey(new Date(1_000))).isNotEqualTo(CacheKeys.toKey(new Date(1_500)));
        assertThat(CacheKeys.toKey(new Date(1_000))).isEqualTo(CacheKeys.toKey(new Date(1_000)));
        Timestamp early = new Timestamp(1_000);
        Timestamp late = new Timestamp(1_000);
        late.setNanos(1);
        assertThat(CacheKeys.toKey(early)).isNotEqualTo(CacheKeys.toKey(late)).isNotEqualTo(CacheKeys.toKey(new Date(1_000)));
    }

    @Test
    void optionalsOfDifferentTypesStayApart() {
        assertThat(CacheKeys.toKey(Optional.of("1"))).isNotEqualTo(CacheKeys.toKey(Optional.of(1)));
        assertThat(CacheKeys.toKey(Optional.empty())).isNotEqualTo(CacheKeys.toKey(Optional.of("")));
    }

    @Test
    void otherCollectionsAreKeyedByTheirTypeAndElements() {
        assertThat(CacheKeys.toKey(new ArrayDeque<>(List.of("a, b", "c"))))
                .isEqualTo(CacheKeys.toKey(new ArrayDeque<>(List.of("a, b", "c"))))
                .isNotEqualTo(CacheKeys.toKey(new ArrayDeque<>(List.of("a", "b, c"))))
                .isNotEqualTo(CacheKeys.toKey(List.of("a, b", "c")));
    }

    @Test
    void aVeryLongKeyIsHashedToAFixedLength() {
        String key = CacheKeys.toKey("x".repeat(5000));

        assertThat(key).startsWith("~h:").hasSize(3 + 64);
        assertThat(key).isNotEqualTo(CacheKeys.toKey("x".repeat(5001)));
    }

    @Test
    void anObjectWithoutItsOwnToStringIsRefusedRatherThanKeyedByIdentity() {
        assertThatThrownBy(() -> CacheKeys.toKey(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("toString");
    }
}
