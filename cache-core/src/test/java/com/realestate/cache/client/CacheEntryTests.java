package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    @Test
    void uncompressedEntriesAreWrittenExactlyAsBeforeCompressionExisted() {
        byte[] json = "{\"city\":\"Porto\"}".getBytes(StandardCharsets.UTF_8);
        byte[] before = ("\u00F5Va1\u001F99\u001F4\u001F\u001F\u001Fg1\u001E{\"city\":\"Porto\"}")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(CacheEntry.value("a1", 99, 4, "g1", json)).isEqualTo(before);
        assertThat(CacheEntry.parse(before).encoding()).isEqualTo(CacheEntry.JSON);
    }

    @Test
    void compressedEntriesNameTheirEncodingAfterTheGroups() {
        byte[] frame = {40, -75, 47, -3, 1, 2, 3, 0x1E, 0x1F};

        CacheEntry entry = CacheEntry.parse(CacheEntry.value("f", 7, 3, "g1,g2", CacheEntry.ZSTD, frame));

        assertThat(entry.encoding()).isEqualTo(CacheEntry.ZSTD);
        assertThat(entry.groups()).isEqualTo("g1,g2");
        assertThat(entry.matchesGroups("g1,g2")).isTrue();
        assertThat(entry.fence()).isEqualTo("f");
        assertThat(entry.softExpiryMillis()).isEqualTo(7);
        assertThat(Arrays.copyOfRange(entry.bytes(), entry.payloadOffset(), entry.bytes().length)).isEqualTo(frame);
    }

    @Test
    void anEncodingThisVersionDoesNotKnowIsReportedAsUnknown() {
        byte[] raw = "\u00F5Vf\u001F9\u001F0\u001F\u001F\u001F\u001Fx9\u001Epayload".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(CacheEntry.parse(raw).encoding()).isNotIn(CacheEntry.JSON, CacheEntry.ZSTD);
    }

    @Test
    void valuesThatNeverExpireLogicallyKeepTheirLargestExpiry() {
        CacheEntry entry = CacheEntry.parse(CacheEntry.value("", Long.MAX_VALUE, 0, "", CacheEntry.ZSTD, new byte[1]));

        assertThat(entry.softExpiryMillis()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void damagedNumbersReadAsZeroRatherThanFailing() {
        byte[] raw = "\u00F5Vf\u001F12x\u001F\u001F\u001F\u001F\u001E{}".getBytes(StandardCharsets.ISO_8859_1);

        CacheEntry entry = CacheEntry.parse(raw);

        assertThat(entry.softExpiryMillis()).isZero();
        assertThat(entry.loadMillis()).isZero();
        assertThat(entry.groups()).isEmpty();
    }

    @Test
    void aHeaderCutShortStillParsesWithEmptyFields() {
        CacheEntry entry = CacheEntry.parse(new byte[] {CacheEntry.MAGIC, 'V', 'a', 'b'});

        assertThat(entry.fence()).isEqualTo("ab");
        assertThat(entry.groups()).isEmpty();
        assertThat(entry.encoding()).isEqualTo(CacheEntry.JSON);
        assertThat(entry.payloadLength()).isZero();
    }

    /** An MGET reply: the entry (not looked at) and then each group token, {@code null} for a missing one. */
    private static List<KeyValue<String, byte[]>> reply(String... tokens) {
        List<KeyValue<String, byte[]>> values = new ArrayList<>();
        values.add(KeyValue.empty("entry"));
        for (int i = 0; i < tokens.length; i++) {
            values.add(tokens[i] == null ? KeyValue.empty("group" + i)
                    : KeyValue.just("group" + i, tokens[i].getBytes(StandardCharsets.US_ASCII)));
        }
        return values;
    }

    @Test
    void groupTokensReadByMgetMatchExactlyTheTokensTheEntryWasLoadedUnder() {
        CacheEntry entry = CacheEntry.parse(CacheEntry.value("f", 9, 1, "a1,b2", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(entry.matchesGroups(reply("a1", "b2"))).isTrue();
        assertThat(entry.matchesGroups(reply("a1", "b3"))).isFalse();
        assertThat(entry.matchesGroups(reply("a1"))).isFalse();
        assertThat(entry.matchesGroups(reply("a1", "b2", "c3"))).isFalse();
        assertThat(entry.matchesGroups(reply("a", "1,b2"))).isFalse();
    }

    @Test
    void aMissingGroupTokenMatchesOnlyAnEmptyOne() {
        CacheEntry entry = CacheEntry.parse(CacheEntry.value("f", 9, 1, ",b2", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(entry.matchesGroups(reply(null, "b2"))).isTrue();
        assertThat(entry.matchesGroups(reply("x", "b2"))).isFalse();
    }

    @Test
    void plainValuesMatchGroupTokensAsTheirJoinedFormWouldBeEmpty() {
        CacheEntry plain = CacheEntry.parse("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(plain.matchesGroups(reply((String) null))).isEqualTo(plain.matchesGroups(""));
        assertThat(plain.matchesGroups(reply("t1"))).isEqualTo(plain.matchesGroups("t1"));
        assertThat(plain.matchesGroups(reply(null, null))).isEqualTo(plain.matchesGroups(","));
    }
}
