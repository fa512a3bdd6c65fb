package com.realestate.cache.client;

import java.util.Objects;

/**
 * When values are stored zstd-compressed. Values whose JSON has at least {@code thresholdBytes} bytes are
 * compressed (when that makes them smaller); smaller values stay plain. Entries say how they are encoded, so
 * plain and compressed values, old and new, are read side by side, and changing these settings never makes a
 * stored value unreadable.
 *
 * <p>Measured on ~1.2 KB property records: zstd alone keeps 66 % of the bytes and adds 2.8 µs to every hit (up to
 * a tenth of a fast loopback hit), so by default only values of {@value #DEFAULT_THRESHOLD_BYTES} bytes or more
 * are compressed. With a {@link CompressionDictionary} trained on the cache's values, the same records keep 21 %
 * and decompress in 0.9 µs: {@link #dictionary} compresses values from {@value #DICTIONARY_THRESHOLD_BYTES}
 * bytes on.
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

    /** Without a dictionary, smaller values save too little memory for what decompressing them costs each hit. */
    public static final int DEFAULT_THRESHOLD_BYTES = 4096;
    /** With a dictionary, a few hundred bytes already shrink by half or more. */
    public static final int DICTIONARY_THRESHOLD_BYTES = 256;

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

    /**
     * Values of {@value #DICTIONARY_THRESHOLD_BYTES} bytes or more are compressed with {@code dictionary}; every
     * client reading them needs the same one.
     */
    public static Compression dictionary(CompressionDictionary dictionary) {
        return new Compression(DICTIONARY_THRESHOLD_BYTES, false, Objects.requireNonNull(dictionary, "dictionary"));
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
