package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CacheEntryTests {

    @Test
    void plainJsonHasNoHeaderAndNoFence() {
        CacheEntry entry = CacheEntry.parse("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(entry.kind()).isEqualTo(CacheEntry.PLAIN);
        assertThat(entry.fence()).isEmpty();
        assertThat(entry.servable()).isTrue();
        assertThat(entry.payloadOffset()).isZero();
    }

    @Test
    void valueEntriesKeepFenceExpiryLoadTimeAndPayload() {
        byte[] json = "{\"city\":\"Porto\"}".getBytes(StandardCharsets.UTF_8);

        CacheEntry entry = CacheEntry.parse(CacheEntry.value("a1b2", 1_764_000_000_123L, 42, "g1,g2", json));

        assertThat(entry.kind()).isEqualTo(CacheEntry.VALUE);
        assertThat(entry.fence()).isEqualTo("a1b2");
        assertThat(entry.softExpiryMillis()).isEqualTo(1_764_000_000_123L);
        assertThat(entry.loadMillis()).isEqualTo(42);
        assertThat(entry.groups()).isEqualTo("g1,g2");
        assertThat(entry.matchesGroups("g1,g2")).isTrue();
        assertThat(entry.matchesGroups("g1,g3")).isFalse();
        assertThat(new String(entry.bytes(), entry.payloadOffset(), entry.payloadLength(), StandardCharsets.UTF_8))
                .isEqualTo("{\"city\":\"Porto\"}");
    }

    @Test
    void tombstonesAreNotServableButKeepTheirFence() {
        CacheEntry entry = CacheEntry.parse(CacheEntry.tombstone("ff00"));

        assertThat(entry.kind()).isEqualTo(CacheEntry.TOMBSTONE);
        assertThat(entry.fence()).isEqualTo("ff00");
        assertThat(entry.servable()).isFalse();
    }

    @Test
    void absencesAreServableAndCarryNoPayload() {
        CacheEntry entry = CacheEntry.parse(CacheEntry.absent("", 5, ""));

        assertThat(entry.kind()).isEqualTo(CacheEntry.ABSENT);
        assertThat(entry.servable()).isTrue();
        assertThat(entry.payloadLength()).isZero();
    }

    @Test
    void theHeaderNeverLooksLikeJson() {
        assertThat(CacheEntry.value("", 0, 0, "", new byte[0])[0]).isEqualTo(CacheEntry.MAGIC);
        assertThat(new String(new byte[] {CacheEntry.MAGIC}, StandardCharsets.UTF_8)).isEqualTo("\uFFFD");
    }
}
