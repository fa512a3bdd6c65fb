package com.realestate.cache.client;

import io.lettuce.core.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One value as stored in Redis. Values written by {@link CacheClient#set} are plain JSON; entries written by
 * the loading patterns carry a short header first, which the Lua scripts in {@link LoadingScripts} read too:
 *
 * <pre>
 * 0xF5 kind fence 0x1F softExpiryMillis 0x1F loadMillis 0x1F leaseUntilMillis 0x1F leaseToken 0x1F groups
 *      [0x1F encoding] 0x1E payload
 * </pre>
 *
 * 0xF5 never starts UTF-8 text, so plain JSON and headed entries are told apart by their first byte. The kind
 * is {@code V} (a value), {@code A} (a remembered absence), {@code T} (a tombstone left by an invalidation) or
 * {@code L} (a load in progress under a lease). The fence is the token of the last invalidation: a load may
 * only store its result while the fence it started under is still in place, which makes stale sets impossible.
 * The groups field holds the generation tokens of the key's groups when the value was loaded: once a group's
 * token changes (an O(1) group invalidation), the entry no longer matches and is never served again. The
 * encoding field is there only when the payload is not plain JSON: {@code z} for a zstd frame of the JSON. An
 * uncompressed entry is therefore byte for byte what it was before compression existed, and the scripts, which
 * read only the first six fields, never look at it.
 *
 * <p>Parsing is lazy because it runs on every hit: the numbers are read straight from the bytes, and the fence
 * and groups become strings only when a caller asks for them.
 */
final class CacheEntry {

    static final byte MAGIC = (byte) 0xF5;
    static final char PLAIN = 'P';
    static final char VALUE = 'V';
    static final char ABSENT = 'A';
    static final char TOMBSTONE = 'T';
    static final char LEASE = 'L';
    /** Encoding of a payload that is plain JSON. */
    static final char JSON = 0;
    /** Encoding of a payload that is a zstd frame of the JSON. */
    static final char ZSTD = 'z';
    private static final byte FIELD = 0x1F;
    private static final byte PAYLOAD = 0x1E;
    private static final byte[] EMPTY = new byte[0];

    private final byte[] bytes;
    private final char kind;
    // Where the header fields end in bytes (the index of the separator after each, or of the payload marker); a
    // field starts one byte after the one before it ends. Ints rather than an array, because a hit parses one entry
    // and the array would be a second allocation for it. Unused for plain values.
    private final int fenceEnd;
    private final int softExpiryEnd;
    private final int loadEnd;
    private final int leaseTokenEnd;
    private final int groupsEnd;
    private final int encodingEnd;
    private final int payloadOffset;
    private String fence;
    private String groups;

    private CacheEntry(byte[] bytes) {
        this.bytes = bytes;
        this.kind = PLAIN;
        this.fenceEnd = this.softExpiryEnd = this.loadEnd = this.leaseTokenEnd = this.groupsEnd = this.encodingEnd = 0;
        this.payloadOffset = 0;
    }

    private CacheEntry(byte[] raw, int fenceEnd) {
        this.bytes = raw;
        this.kind = (char) raw[1];
        this.fenceEnd = fenceEnd;
        this.softExpiryEnd = nextEnd(raw, fenceEnd, false);
        this.loadEnd = nextEnd(raw, softExpiryEnd, false);
        int leaseUntilEnd = nextEnd(raw, loadEnd, false);
        this.leaseTokenEnd = nextEnd(raw, leaseUntilEnd, false);
        this.groupsEnd = nextEnd(raw, leaseTokenEnd, false);
        this.encodingEnd = nextEnd(raw, groupsEnd, true);
        this.payloadOffset = Math.min(encodingEnd + 1, raw.length);
    }

    /** Reads the header of {@code raw}; a value without one is {@link #PLAIN} JSON under no fence. */
    static CacheEntry parse(byte[] raw) {
        if (raw.length < 2 || raw[0] != MAGIC) {
            return new CacheEntry(raw);
        }
        return new CacheEntry(raw, endOf(raw, 2, false));
    }

    /** The end of the field that starts at {@code start}; the last field runs to the payload marker. */
    private static int endOf(byte[] raw, int start, boolean last) {
        int position = start;
        while (position < raw.length && raw[position] != PAYLOAD && (last || raw[position] != FIELD)) {
            position++;
        }
        return position;
    }

    /** The end of the field after the one ending at {@code end}: empty, at {@code end}, once the header is over. */
    private static int nextEnd(byte[] raw, int end, boolean last) {
        return end < raw.length && raw[end] == FIELD ? endOf(raw, end + 1, last) : end;
    }

    /** Where the field that ends at {@code end}, after the one ending at {@code previousEnd}, starts. */
    private static int start(int previousEnd, int end) {
        return Math.min(previousEnd + 1, end);
    }

    char kind() {
        return kind;
    }

    /** The token of the last invalidation this entry was written under; empty for plain values. */
    String fence() {
        if (fence == null) {
            fence = text(2, fenceEnd);
        }
        return fence;
    }

    /** When the value stops being fresh; never for plain values. */
    long softExpiryMillis() {
        return kind == PLAIN ? Long.MAX_VALUE : number(start(fenceEnd, softExpiryEnd), softExpiryEnd);
    }

    /** How long the value took to load, in milliseconds (0 when unknown). */
    long loadMillis() {
        return kind == PLAIN ? 0 : number(start(softExpiryEnd, loadEnd), loadEnd);
    }

    /** The generation tokens of the entry's groups when it was stored, comma-separated. */
    String groups() {
        if (groups == null) {
            groups = text(start(leaseTokenEnd, groupsEnd), groupsEnd);
        }
        return groups;
    }

    /** {@link #JSON} or {@link #ZSTD}; anything else is an encoding this version cannot read. */
    char encoding() {
        int start = start(groupsEnd, encodingEnd);
        if (kind == PLAIN || encodingEnd == start) {
            return JSON;
        }
        return encodingEnd - start == 1 ? (char) bytes[start] : '?';
    }

    byte[] bytes() {
        return bytes;
    }

    int payloadOffset() {
        return payloadOffset;
    }

    int payloadLength() {
        return bytes.length - payloadOffset;
    }

    /** {@code true} for a value or a remembered absence: something a reader may be served. */
    boolean servable() {
        return kind == PLAIN || kind == VALUE || kind == ABSENT;
    }

    /** {@code true} when this entry was loaded under exactly the current generation tokens of its groups. */
    boolean matchesGroups(String currentGroups) {
        if (kind == PLAIN) {
            return currentGroups.isEmpty();
        }
        int start = start(leaseTokenEnd, groupsEnd);
        int length = groupsEnd - start;
        if (length != currentGroups.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] != currentGroups.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code true} when this entry was loaded under exactly the group tokens of an MGET reply, which holds the
     * entry first and then one token per group (a missing token counting as empty); compared byte for byte, as
     * {@link #matchesGroups(String)} compares with the tokens joined by commas.
     */
    boolean matchesGroups(List<KeyValue<String, byte[]>> entryThenTokens) {
        if (kind == PLAIN) {
            return entryThenTokens.size() == 2 && length(entryThenTokens.get(1)) == 0;
        }
        int position = start(leaseTokenEnd, groupsEnd);
        int end = groupsEnd;
        for (int i = 1; i < entryThenTokens.size(); i++) {
            if (i > 1) {
                if (position >= end || bytes[position] != ',') {
                    return false;
                }
                position++;
            }
            byte[] value = entryThenTokens.get(i).getValueOrElse(EMPTY);
            if (end - position < value.length || !Arrays.equals(bytes, position, position + value.length, value, 0,
                    value.length)) {
                return false;
            }
            position += value.length;
        }
        return position == end;
    }

    private static int length(KeyValue<String, byte[]> token) {
        return token.getValueOrElse(EMPTY).length;
    }

    static byte[] value(String fence, long softExpiryMillis, long loadMillis, String groups, byte[] json) {
        return encode(VALUE, fence, softExpiryMillis, loadMillis, groups, JSON, json);
    }

    /** A value whose payload is in {@code encoding} ({@link #JSON} or {@link #ZSTD}). */
    static byte[] value(String fence, long softExpiryMillis, long loadMillis, String groups, char encoding,
                        byte[] payload) {
        return encode(VALUE, fence, softExpiryMillis, loadMillis, groups, encoding, payload);
    }

    static byte[] absent(String fence, long softExpiryMillis, String groups) {
        return encode(ABSENT, fence, softExpiryMillis, 0, groups, JSON, new byte[0]);
    }

    static byte[] tombstone(String fence) {
        return encode(TOMBSTONE, fence, 0, 0, "", JSON, new byte[0]);
    }

    private static byte[] encode(char kind, String fence, long softExpiryMillis, long loadMillis, String groups,
                                 char encoding, byte[] payload) {
        String fields = fence + (char) FIELD + softExpiryMillis + (char) FIELD + loadMillis + (char) FIELD
                + (char) FIELD + (char) FIELD + groups;
        byte[] header = (encoding == JSON ? fields : fields + (char) FIELD + encoding)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] entry = new byte[2 + header.length + 1 + payload.length];
        entry[0] = MAGIC;
        entry[1] = (byte) kind;
        System.arraycopy(header, 0, entry, 2, header.length);
        entry[2 + header.length] = PAYLOAD;
        System.arraycopy(payload, 0, entry, 3 + header.length, payload.length);
        return entry;
    }

    private String text(int start, int end) {
        if (kind == PLAIN) {
            return "";
        }
        return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
    }

    /** The field as a decimal number; 0 when it is empty or not a number. */
    private long number(int start, int end) {
        if (start == end) {
            return 0;
        }
        if (end - start <= 18) {
            long value = 0;
            int i = start;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                value = value * 10 + (bytes[i++] - '0');
            }
            if (i == end) {
                return value;
            }
        }
        try {
            return Long.parseLong(text(start, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
