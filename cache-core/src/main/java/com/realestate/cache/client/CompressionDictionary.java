package com.realestate.cache.client;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A zstd dictionary for compressing cached values: trained on samples of the values a cache holds, it lets zstd
 * reuse what they have in common (field names, enums, common words), so that a ~1 KB record shrinks to a
 * fraction of what it would alone, and decompresses faster. Every client that reads the values must be given
 * the same dictionary; a value compressed with a dictionary a client lacks reads as a corrupt value (a counted
 * miss, which the next load overwrites), never a wrong value. To change dictionaries without that reload per key,
 * give clients the new one to compress with and the old one to keep reading ({@link Compression#alsoReading})
 * until values written with it have expired.
 */
public final class CompressionDictionary {

    /** zstd's recommended dictionary size for small records. */
    public static final int DEFAULT_SIZE_BYTES = 16 * 1024;
    private static final int MIN_SAMPLES = 10;

    private final byte[] bytes;
    private final long id;

    private CompressionDictionary(byte[] bytes, long id) {
        this.bytes = bytes;
        this.id = id;
    }

    /**
     * A dictionary made earlier (by {@link #train} or {@code zstd --train}), for example read from a file the
     * application ships, so that every instance uses the same one.
     *
     * @throws CacheConfigurationException when the bytes are not a zstd dictionary with an id that zstd can load
     */
    public static CompressionDictionary of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        long id = bytes.length < 8 ? 0 : Zstd.getDictIdFromDict(bytes);
        if (id == 0) {
            throw new CacheConfigurationException("compression dictionary of " + bytes.length
                    + " bytes is not a zstd dictionary (no dictionary id in its header)");
        }
        requireLoadable(bytes, id);
        return new CompressionDictionary(bytes.clone(), id);
    }

    /** A header alone (a file cut short) passes the id check but fails only when a client is built; fail here. */
    private static void requireLoadable(byte[] bytes, long id) {
        try {
            new ZstdDictCompress(bytes, PayloadCompressor.LEVEL).close();
            new ZstdDictDecompress(bytes).close();
        } catch (RuntimeException e) {
            throw new CacheConfigurationException("compression dictionary " + id + " of " + bytes.length
                    + " bytes cannot be loaded by zstd (is it complete?): " + e.getMessage(), e);
        }
    }

    /**
     * Trains a dictionary of at most {@code maxBytes} on samples of stored values (their JSON, as the client
     * writes it). A few thousand samples of the kinds of values the cache holds are plenty.
     *
     * @throws CacheConfigurationException when there are too few samples or zstd cannot train on them
     */
    public static CompressionDictionary train(List<byte[]> samples, int maxBytes) {
        Objects.requireNonNull(samples, "samples");
        if (samples.size() < MIN_SAMPLES) {
            throw new CacheConfigurationException("training a compression dictionary needs at least " + MIN_SAMPLES
                    + " samples, was " + samples.size());
        }
        if (maxBytes < 1024) {
            throw new CacheConfigurationException("a compression dictionary must be allowed at least 1024 bytes, was "
                    + maxBytes);
        }
        byte[] buffer = new byte[maxBytes];
        long size;
        try {
            size = Zstd.trainFromBuffer(samples.toArray(byte[][]::new), buffer);
        } catch (ZstdException e) {
            // zstd-jni throws its errors rather than returning their codes.
            throw new CacheConfigurationException("zstd could not train a dictionary on " + samples.size()
                    + " samples: " + e.getMessage(), e);
        }
        return of(Arrays.copyOf(buffer, (int) size));
    }

    /** The dictionary as zstd stores it, to be saved and given to every client. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The id zstd writes into every frame compressed with this dictionary. */
    public long id() {
        return id;
    }

    byte[] raw() {
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompressionDictionary that && id == that.id && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CompressionDictionary[id " + id + ", " + bytes.length + " bytes]";
    }
}
