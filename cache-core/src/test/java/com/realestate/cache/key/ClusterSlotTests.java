package com.realestate.cache.key;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClusterSlotTests {

    /** Each row is what {@code CLUSTER KEYSLOT} answered on Redis 7.0.15. */
    @ParameterizedTest(name = "slot(''{0}'') = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            foo                                    | 12182
            123456789                              | 12739
            {user1000}.following                   | 3443
            foo{}{bar}                             | 8363
            foo{{bar}}zap                          | 4015
            foo{bar}{zap}                          | 5061
            {}                                     | 15257
            {                                      | 4092
            }                                      | 12090
            a{b                                    | 13340
            x}{y}                                  | 12222
            ünï{é}                                 | 10180
            😀                                     | 2959
            realestate:t:{acme}:property:42:detail | 11304
            """)
    void slotsAreThoseRedisComputes(String key, int slot) {
        assertThat(ClusterSlots.slot(key)).isEqualTo(slot);
    }

    @Test
    void crc16OfTheStandardCheckStringIsTheXmodemCheckValue() {
        assertThat(ClusterSlots.slot("123456789")).isEqualTo(0x31C3 % ClusterSlots.SLOT_COUNT);
    }

    @Test
    void keysWithTheSameHashTagShareASlot() {
        assertThat(ClusterSlots.slot("{user1000}.following")).isEqualTo(ClusterSlots.slot("{user1000}.followers"));
    }

    @Test
    void onlyTheHashTagIsHashed() {
        assertThat(ClusterSlots.slot("prefix:{user1000}:anything")).isEqualTo(ClusterSlots.slot("user1000"));
    }

    @Test
    void anEmptyHashTagMeansTheWholeKeyIsHashed() {
        assertThat(ClusterSlots.slot("foo{}{bar}"))
                .isEqualTo(8363)
                .isNotEqualTo(ClusterSlots.slot("bar"));
    }

    @Test
    void theTagRunsFromTheFirstOpeningBraceToTheFirstClosingOneAfterIt() {
        assertThat(ClusterSlots.slot("foo{{bar}}zap")).isEqualTo(ClusterSlots.slot("{bar"));
    }
}
