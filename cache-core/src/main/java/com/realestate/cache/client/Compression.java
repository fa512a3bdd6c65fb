package com.realestate.cache.client;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * <p>A frame names the dictionary it was compressed with, and a client reads only frames of dictionaries it has.
 * So that a new dictionary can be rolled out while instances with the old one still write, a client can be given
 * earlier dictionaries it only reads ({@link #alsoReading}): {@code Compression.dictionary(v2).alsoReading(
 * List.of(v1))} writes with {@code v2} and reads values of both.
 *
 * @param thresholdBytes       size of the JSON from which a value is compressed; {@link Integer#MAX_VALUE} turns
 *                             compression off
 * @param setValues            also compress large values written by {@link CacheClient#set}; off by default,
 *                             because those are plain JSON that other programs may read
 * @param dictionary           the zstd dictionary values are compressed with, or {@code null} for none; with one,
 *                             a ~1.2 KB property record shrinks to a fifth instead of two thirds of its size and
 *                             decompresses three times faster
 * @param previousDictionaries dictionaries values are no longer compressed with but still read, such as the one
 *                             before {@code dictionary} during a rolling deploy; ids distinct from each other and
 *                             from {@code dictionary}'s
 */
public record Compression(int thresholdBytes, boolean setValues, CompressionDictionary dictionary,
                          List<CompressionDictionary> previousDictionaries) {

    /** Without a dictionary, smaller values save too little memory for what decompressing them costs each hit. */
    public static final int DEFAULT_THRESHOLD_BYTES = 4096;
    /** With a dictionary, a few hundred bytes already shrink by half or more. */
    public static final int DICTIONARY_THRESHOLD_BYTES = 256;

    /**
     * @throws CacheConfigurationException when the threshold is below one byte or two dictionaries share an id
     */
    public Compression {
        if (thresholdBytes < 1) {
            throw new CacheConfigurationException(
                    "compression thresholdBytes must be at least 1, was " + thresholdBytes);
        }
        previousDictionaries = previousDictionaries == null ? List.of() : List.copyOf(previousDictionaries);
        requireDistinctIds(dictionary, previousDictionaries);
    }

    /** As the canonical constructor, without previous dictionaries. */
    public Compression(int thresholdBytes, boolean setValues, CompressionDictionary dictionary) {
        this(thresholdBytes, setValues, dictionary, List.of());
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
        return new Compression(value, setValues, dictionary, previousDictionaries);
    }

    public Compression withSetValues(boolean value) {
        return new Compression(thresholdBytes, value, dictionary, previousDictionaries);
    }

    /** Compresses with {@code value} (readers need the same dictionary); {@code null} for none. */
    public Compression withDictionary(CompressionDictionary value) {
        return new Compression(thresholdBytes, setValues, value, previousDictionaries);
    }

    /**
     * These settings, also reading values compressed with {@code previous} (replacing any given before), so that
     * values written with an earlier dictionary stay hits until they expire instead of all becoming misses at once.
     *
     * @throws CacheConfigurationException when two of the dictionaries, or one of them and {@link #dictionary()},
     *                                     share an id
     */
    public Compression alsoReading(List<CompressionDictionary> previous) {
        Objects.requireNonNull(previous, "previous");
        return new Compression(thresholdBytes, setValues, dictionary, previous);
    }

    /** {@code true} when a value of {@code jsonLength} bytes should be compressed. */
    boolean compresses(int jsonLength) {
        return jsonLength >= thresholdBytes;
    }

    private static void requireDistinctIds(CompressionDictionary current, List<CompressionDictionary> previous) {
        Set<Long> ids = new HashSet<>();
        if (current != null) {
            ids.add(current.id());
        }
        for (CompressionDictionary dictionary : previous) {
            if (!ids.add(dictionary.id())) {
                throw new CacheConfigurationException("compression dictionaries must have distinct ids, but id "
                        + dictionary.id() + " is given twice" + (current != null && current.id() == dictionary.id()
                        ? " (the current dictionary's id is among the previous ones)" : ""));
            }
        }
    }
}
