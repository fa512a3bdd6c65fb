package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheKey;
import com.realestate.cache.key.ClusterSlots;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cache.interceptor.SimpleKey;

/** The keys a Spring cache hands the client: all in the cache's group, and in one cluster slot with it. */
class CacheGroupTests {

    /** Where the client keeps a group's generation token: the view's prefix, the group, a unit separator. */
    private static String generationKey(String viewPrefix, String group) {
        return viewPrefix + group + "\u001Fgeneration";
    }

    @Test
    void everyKeyIsInTheCachesGroupUnderItsHashTag() {
        CacheGroup listings = new CacheGroup("listings");

        CacheKey key = listings.key("42");

        assertThat(key.key()).isEqualTo("{listings}42");
        assertThat(key.groups()).containsExactly("{listings}~cache");
        assertThat(listings.group()).isEqualTo("{listings}~cache");
    }

    @Test
    void keysAreEncodedAsBeforeBelowTheTag() {
        CacheGroup listings = new CacheGroup("listings");

        assertThat(listings.key(42L).key()).isEqualTo("{listings}" + CacheKeys.toKey(42L));
        SimpleKey composite = new SimpleKey("a", 1);
        assertThat(listings.key(composite).key()).isEqualTo("{listings}" + CacheKeys.toKey(composite));
    }

    @ParameterizedTest
    @CsvSource({
        "realestate:, listings",
        "realestate:, lst",
        "realestate:, user%3Aprofile",
        "{app}:, listings",
    })
    void aKeyAndItsGroupShareAClusterSlot(String clientPrefix, String keySegment) {
        CacheGroup cache = new CacheGroup(keySegment);
        String viewPrefix = clientPrefix + keySegment + ":";

        for (Object springKey : List.of("42", 42L, new SimpleKey("tenant-7", 42), "x".repeat(600))) {
            String entry = viewPrefix + cache.key(springKey).key();
            assertThat(ClusterSlots.slot(entry)).as(entry)
                    .isEqualTo(ClusterSlots.slot(generationKey(viewPrefix, cache.group())));
        }
    }
}
