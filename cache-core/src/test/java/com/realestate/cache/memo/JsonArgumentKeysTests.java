package com.realestate.cache.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.client.CacheSerializationException;
import com.realestate.cache.key.KeyPart;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonArgumentKeysTests {

    private final JsonArgumentKeys keys = new JsonArgumentKeys();

    record Box(Object content) {
    }

    /** An argument whose state JSON cannot see: a private field and no getter. */
    static final class Opaque {
        private final String id;

        Opaque(String id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return "Opaque[" + id + "]";
        }
    }

    enum Plan {
        GOLD {
            @Override
            public String toString() {
                return "premium";
            }
        },
        PLATINUM {
            @Override
            public String toString() {
                return "premium";
            }
        }
    }

    @Test
    void argumentsOfDifferentTypesGiveDifferentKeys() {
        assertThat(keys.key(List.of("1"))).isNotEqualTo(keys.key(List.of(1)));
        assertThat(keys.key(List.of("a", "b"))).isNotEqualTo(keys.key(List.of("a,b")));
        assertThat(keys.key(Arrays.asList((Object) null))).isNotEqualTo(keys.key(List.of("null")));
    }

    @Test
    void mapsGiveTheSameKeyWhateverTheirOrder() {
        Map<String, Integer> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Integer> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);

        assertThat(keys.key(List.of(ab))).isEqualTo(keys.key(List.of(ba)));
    }

    @Test
    void keysHoldNoGlobOrSeparatorCharacters() {
        assertThat(keys.key(List.of("t:*", "{x}", "[a]?"))).matches("[A-Za-z0-9._%-]+");
    }

    @Test
    void longArgumentListsAreHashedToABoundedKey() {
        String key = keys.key(List.of("x".repeat(10_000)));

        assertThat(key).startsWith("sha256-").hasSize("sha256-".length() + 64);
        assertThat(keys.key(List.of("x".repeat(10_001)))).isNotEqualTo(key);
    }

    @Test
    void zonesWithTheSameOffsetGiveDifferentKeys() {
        Instant instant = Instant.parse("2024-01-15T12:00:00Z");
        ZonedDateTime paris = instant.atZone(ZoneId.of("Europe/Paris"));
        ZonedDateTime lagos = instant.atZone(ZoneId.of("Africa/Lagos"));
        assertThat(paris.getOffset()).isEqualTo(lagos.getOffset());

        assertThat(keys.key(List.of(paris))).isNotEqualTo(keys.key(List.of(lagos)));
        assertThat(keys.key(List.of(new Box(paris)))).isNotEqualTo(keys.key(List.of(new Box(lagos))));
        assertThat(keys.key(List.of(paris))).isNotEqualTo(keys.key(List.of(paris.toOffsetDateTime())));
    }

    @Test
    void equalZonedDateTimesGiveEqualKeys() {
        ZonedDateTime built = ZonedDateTime.of(2024, 1, 15, 13, 0, 0, 0, ZoneId.of("Europe/Paris"));
        ZonedDateTime converted = Instant.parse("2024-01-15T12:00:00Z").atZone(ZoneId.of("Europe/Paris"));
        assertThat(built).isEqualTo(converted);

        assertThat(keys.key(List.of(built))).isEqualTo(keys.key(List.of(converted)));
    }

    @Test
    void anEmptyOptionalAndNullGiveDifferentKeys() {
        List<Object> absent = Arrays.asList((Object) null);

        assertThat(keys.key(List.of(Optional.empty()))).isNotEqualTo(keys.key(absent));
        assertThat(keys.key(List.of(new Box(Optional.empty())))).isNotEqualTo(keys.key(List.of(new Box(null))));
        assertThat(keys.key(List.of(Optional.of("a")))).isNotEqualTo(keys.key(List.of("a")));
    }

    @Test
    void aCharArrayAndAStringGiveDifferentKeys() {
        assertThat(keys.key(List.of((Object) "abc".toCharArray()))).isNotEqualTo(keys.key(List.of("abc")));
        assertThat(keys.key(List.of('a'))).isNotEqualTo(keys.key(List.of("a")));
    }

    @Test
    void oneAsADoubleAFloatAndABigDecimalGivesThreeKeys() {
        assertThat(List.of(keys.key(List.of(1.0)), keys.key(List.of(1.0f)), keys.key(List.of(new BigDecimal("1.0")))))
                .doesNotHaveDuplicates();
        assertThat(keys.key(List.of(1))).isNotEqualTo(keys.key(List.of(1L)));
        assertThat(keys.key(List.of(new Box(1)))).isNotEqualTo(keys.key(List.of(new Box(1L))));
        assertThat(keys.key(List.of(List.of(1.0)))).isNotEqualTo(keys.key(List.of(List.of(1.0f))));
    }

    @Test
    void mapKeysOfDifferentTypesGiveDifferentKeys() {
        assertThat(keys.key(List.of(Map.of(1, "a")))).isNotEqualTo(keys.key(List.of(Map.of("1", "a"))));
        assertThat(keys.key(List.of(Map.of(1, "a")))).isNotEqualTo(keys.key(List.of(Map.of(1L, "a"))));
    }

    @Test
    void enumConstantsGiveKeysOfTheirNamesNotOfTheirStrings() {
        assertThat(keys.key(List.of(Plan.GOLD))).isNotEqualTo(keys.key(List.of(Plan.PLATINUM)));
        assertThat(keys.key(List.of(Plan.GOLD))).isNotEqualTo(keys.key(List.of("GOLD")));
    }

    @Test
    void collectionsOfDifferentKindsGiveDifferentKeys() {
        assertThat(keys.key(List.of(List.of("a")))).isNotEqualTo(keys.key(List.of(Set.of("a"))));
        assertThat(keys.key(List.of(List.of("java.lang.Long", 1)))).isNotEqualTo(keys.key(List.of(1L)));
        assertThat(keys.key(List.of(Map.of("content", 1)))).isNotEqualTo(keys.key(List.of(new Box(1))));
    }

    @Test
    void equalArgumentsGiveEqualKeysWhateverTheirClasses() {
        assertThat(keys.key(List.of(List.of(1L, 2L)))).isEqualTo(keys.key(List.of(new ArrayList<>(List.of(1L, 2L)))));
        assertThat(keys.key(List.of(Map.of(1, "a", 2, "b"))))
                .isEqualTo(keys.key(List.of(new TreeMap<>(Map.of(2, "b", 1, "a")))));
        assertThat(keys.key(List.of(Optional.of(3L), new Box(Plan.GOLD))))
                .isEqualTo(keys.key(List.of(Optional.of(3L), new Box(Plan.GOLD))));
    }

    @Test
    void equalSetsGiveEqualKeysWhateverTheirOrder() {
        // "Aa" and "BB" share a hash code, so a HashSet iterates them in the order they were added.
        Set<String> ab = new HashSet<>(List.of("Aa"));
        ab.add("BB");
        Set<String> ba = new HashSet<>(List.of("BB"));
        ba.add("Aa");
        Set<Integer> reversed = new TreeSet<>(Comparator.reverseOrder());
        reversed.addAll(List.of(1, 2, 3));
        assertThat(ab).isEqualTo(ba);

        assertThat(keys.key(List.of(ab))).isEqualTo(keys.key(List.of(ba)));
        assertThat(keys.key(List.of(reversed))).isEqualTo(keys.key(List.of(new LinkedHashSet<>(List.of(1, 2, 3)))));
    }

    @Test
    void mapsWithKeysOfManyTypesGiveTheSameKeyWhateverTheirOrder() {
        Map<Object, Integer> ab = new LinkedHashMap<>();
        ab.put(1L, 1);
        ab.put("b", 2);
        Map<Object, Integer> ba = new HashMap<>();
        ba.put("b", 2);
        ba.put(1L, 1);

        assertThat(keys.key(List.of(ab))).isEqualTo(keys.key(List.of(ba)));
    }

    @Test
    void stringsIntegersBooleansAndDoublesKeepTheKeysTheyHadBefore() {
        assertThat(keys.key(Arrays.asList("p-1", 42, true, 2.5, null)))
                .isEqualTo(KeyPart.encode("[\"p-1\",42,true,2.5,null]"));
    }

    @Test
    void argumentsWhoseStateJsonCannotSeeAreRefusedRatherThanSharingOneKey() {
        assertThatThrownBy(() -> keys.key(List.of(new Opaque("a"))))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Opaque.class.getName());
        assertThatThrownBy(() -> keys.key(List.of(new Box(new Opaque("a")))))
                .isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void aStringCutInsideACharacterHasAKeyOfItsOwn() {
        String cut = "ab\uD83D";

        assertThat(List.of(keys.key(List.of(cut)), keys.key(List.of("ab\uD83E")), keys.key(List.of("ab?")),
                keys.key(List.of("ab\\uD83D")), keys.key(List.of(cut + "\uDE00")), keys.key(List.of("\uDE00ab"))))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("[A-Za-z0-9._%-]+"));
        assertThat(keys.key(List.of(cut + "x".repeat(200)))).isNotEqualTo(keys.key(List.of("ab?" + "x".repeat(200))));
    }
}
