package com.realestate.cache.client;

import java.nio.charset.StandardCharsets;

/**
 * One value as stored in Redis. Values written by {@link CacheClient#set} are plain JSON; entries written by
 * the loading patterns carry a short header first, which the Lua scripts in {@link LoadingScripts} read too:
 *
 * <pre>
 * 0xF5 kind fence 0x1F softExpiryMillis 0x1F loadMillis 0x1F leaseUntilMillis 0x1F leaseToken 0x1F groups 0x1E payload
 * </pre>
 *
 * 0xF5 never starts UTF-8 text, so plain JSON and headed entries are told apart by their first byte. The kind
 * is {@code V} (a value), {@code A} (a remembered absence), {@code T} (a tombstone left by an invalidation) or
 * {@code L} (a load in progress under a lease). The fence is the token of the last invalidation: a load may
 * only store its result while the fence it started under is still in place, which makes stale sets impossible.
 * The groups field holds the generation tokens of the key's groups when the value was loaded: once a group's
 * token changes (an O(1) group invalidation), the entry no longer matches and is never served again.
 */
record CacheEntry(char kind, String fence, long softExpiryMillis, long loadMillis, String groups, byte[] bytes,
                  int payloadOffset) {

    static final byte MAGIC = (byte) 0xF5;
    static final char PLAIN = 'P';
    static final char VALUE = 'V';
    static final char ABSENT = 'A';
    static final char TOMBSTONE = 'T';
    static final char LEASE = 'L';
    private static final byte FIELD = 0x1F;
    private static final byte PAYLOAD = 0x1E;

    /** Reads the header of {@code raw}; a value without one is {@link #PLAIN} JSON under no fence. */
    static CacheEntry parse(byte[] raw) {
        if (raw.length < 2 || raw[0] != MAGIC) {
            return new CacheEntry(PLAIN, "", Long.MAX_VALUE, 0, "", raw, 0);
        }
        char kind = (char) raw[1];
        int position = 2;
        String[] fields = new String[6];
        int field = 0;
        int start = position;
        while (position < raw.length && raw[position] != PAYLOAD) {
            if (raw[position] == FIELD && field < fields.length - 1) {
                fields[field++] = new String(raw, start, position - start, StandardCharsets.US_ASCII);
                start = position + 1;
            }
            position++;
        }
        fields[field] = new String(raw, start, position - start, StandardCharsets.US_ASCII);
        int payload = Math.min(position + 1, raw.length);
        return new CacheEntry(kind, orEmpty(fields[0]), number(fields[1]), number(fields[2]), orEmpty(fields[5]), raw,
                payload);
    }

    /** {@code true} for a value or a remembered absence: something a reader may be served. */
    boolean servable() {
        return kind == PLAIN || kind == VALUE || kind == ABSENT;
    }

    int payloadLength() {
        return bytes.length - payloadOffset;
    }

    static byte[] value(String fence, long softExpiryMillis, long loadMillis, String groups, byte[] json) {
        return encode(VALUE, fence, softExpiryMillis, loadMillis, groups, json);
    }

    static byte[] absent(String fence, long softExpiryMillis, String groups) {
        return encode(ABSENT, fence, softExpiryMillis, 0, groups, new byte[0]);
    }

    static byte[] tombstone(String fence) {
        return encode(TOMBSTONE, fence, 0, 0, "", new byte[0]);
    }

    /** {@code true} when this entry was loaded under exactly the current generation tokens of its groups. */
    boolean matchesGroups(String currentGroups) {
        return kind == PLAIN ? currentGroups.isEmpty() : groups.equals(currentGroups);
    }

    private static byte[] encode(
            char kind, String fence, long softExpiryMillis, long loadMillis, String groups, byte[] payload) {
        byte[] header = (fence + (char) FIELD + softExpiryMillis + (char) FIELD + loadMillis + (char) FIELD
                + (char) FIELD + (char) FIELD + groups).getBytes(StandardCharsets.US_ASCII);
        byte[] entry = new byte[2 + header.length + 1 + payload.length];
        entry[0] = MAGIC;
        entry[1] = (byte) kind;
        System.arraycopy(header, 0, entry, 2, header.length);
        entry[2 + header.length] = PAYLOAD;
        System.arraycopy(payload, 0, entry, 3 + header.length, payload.length);
        return entry;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static long number(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
