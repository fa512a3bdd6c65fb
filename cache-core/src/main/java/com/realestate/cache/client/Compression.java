package com.realestate.cache.client;

/**
 * When values are stored zstd-compressed. Values whose JSON has at least {@code thresholdBytes} bytes are
 * compressed (when that makes them smaller); smaller values stay plain, since compressing a few hundred bytes
 * saves less than it costs. Entries say how they are encoded, so plain and compressed values, old and new, are
 * read side by side, and changing these settings never makes a stored value unreadable.
 *
 * @param thresholdBytes size of the JSON from which a value is compressed; {@link Integer#MAX_VALUE} turns
 *                       compression off
 * @param setValues      also compress large values written by {@link CacheClient#set}; off by default, because
 *                       those are plain JSON that other programs may read
 * @param dictionary     the zstd dictionary values are compressed with, or {@code null} for none; with one, a
 *                       ~1.2 KB property record shrinks to a fifth instead of two thirds of its size and
 *                       decompresses three times faster
 */
public record Compression(int thresholdBytes, boolean setValues, CompressionDictionary dictionary) {

    /**
     * Below this, zstd saves too little to matter: Redis' allocator rounds values to size classes 64 to 256 bytes
     * apart, and a ~1.2 KB property record comes out at two thirds of its size without a dictionary.
     */
    public static final int DEFAULT_THRESHOLD_BYTES = 512;

    public Compression {
        if (thresholdBytes < 1) {
            throw new CacheConfigurationException(
                    "compression thresholdBytes must be at least 1, was " + thresholdBytes);
        }
    }

    /** Values of {@value #DEFAULT_THRESHOLD_BYTES} bytes or more written by the loading patterns are compressed. */
    public static Compression defaults() {
        return new Compression(DEFAULT_THRESHOLD_BYTES, false, null);
    }

    /** Nothing is compressed; compressed values already stored are still read. */
    public static Compression off() {
        return new Compression(Integer.MAX_VALUE, false, null);
    }

    public Compression withThresholdBytes(int value) {
        return new Compression(value, setValues, dictionary);
    }

    public Compression withSetValues(boolean value) {
        return new Compression(thresholdBytes, value, dictionary);
    }

    /** Compresses with {@code value} (readers need the same dictionary); {@code null} for none. */
    public Compression withDictionary(CompressionDictionary value) {
        return new Compression(thresholdBytes, setValues, value);
    }

    /** {@code true} when a value of {@code jsonLength} bytes should be compressed. */
    boolean compresses(int jsonLength) {
        return jsonLength >= thresholdBytes;
    }
}
