package com.realestate.cache.key;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Computes the Redis Cluster hash slot of a key, as the server does, so that code and tests can check that the
 * keys one script or one transaction touches share a slot before Redis Cluster refuses them with CROSSSLOT.
 */
public final class ClusterSlots {

    /** Number of hash slots in a Redis Cluster. */
    public static final int SLOT_COUNT = 16384;

    private static final int[] CRC16_TABLE = crc16Table();

    private ClusterSlots() {
    }

    /**
     * The slot of {@code key} as stored in Redis (with any client prefix), its characters taken as UTF-8 as
     * Lettuce's string codec sends them. Per Redis' rules only the hash tag is hashed when the key has one: the
     * text between the first '{' and the first '}' after it, if that text is not empty.
     */
    public static int slot(String key) {
        Objects.requireNonNull(key, "key");
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int open = indexOf(bytes, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(bytes, (byte) '}', open + 1);
            if (close > open + 1) {
                return crc16(bytes, open + 1, close) & (SLOT_COUNT - 1);
            }
        }
        return crc16(bytes, 0, bytes.length) & (SLOT_COUNT - 1);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** CRC16/XMODEM (polynomial 0x1021, initial value 0, no reflection), the checksum Redis Cluster uses. */
    private static int crc16(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = (crc << 8 ^ CRC16_TABLE[(crc >>> 8 ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    private static int[] crc16Table() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int crc = n << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? crc << 1 ^ 0x1021 : crc << 1;
            }
            table[n] = crc & 0xFFFF;
        }
        return table;
    }
}
