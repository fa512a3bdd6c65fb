package com.realestate.cache.memo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonArgumentKeysTests {

    private final JsonArgumentKeys keys = new JsonArgumentKeys();

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
}
