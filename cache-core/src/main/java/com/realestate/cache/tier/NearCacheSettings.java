package com.realestate.cache.tier;

import com.realestate.cache.client.CacheConfigurationException;
import java.time.Duration;

/**
 * How big an in-process near cache may grow and how long it may keep an entry without asking Redis again. The
 * time limit is a backstop only: coherence comes from the invalidation events every instance hears.
 *
 * @param maximumSize the most entries kept; the least valuable are evicted beyond it (Caffeine's W-TinyLFU)
 * @param maximumTtl  the longest an entry is served from process memory, whatever its TTL in Redis
 */
public record NearCacheSettings(long maximumSize, Duration maximumTtl) {

    public static final long DEFAULT_MAXIMUM_SIZE = 10_000;
    public static final Duration DEFAULT_MAXIMUM_TTL = Duration.ofMinutes(5);

    public NearCacheSettings {
        if (maximumSize < 1) {
            throw new CacheConfigurationException("near cache maximumSize must be at least 1, was " + maximumSize);
        }
        if (maximumTtl == null || maximumTtl.isNegative() || maximumTtl.toMillis() < 1) {
            throw new CacheConfigurationException("near cache maximumTtl must be at least 1 ms, was " + maximumTtl);
        }
    }

    /** Ten thousand entries for at most five minutes each. */
    public static NearCacheSettings defaults() {
        return new NearCacheSettings(DEFAULT_MAXIMUM_SIZE, DEFAULT_MAXIMUM_TTL);
    }

    /** At most {@code maximumSize} entries, for the default five minutes each. */
    public static NearCacheSettings maximumSize(long maximumSize) {
        return new NearCacheSettings(maximumSize, DEFAULT_MAXIMUM_TTL);
    }

    /** A copy that keeps entries for at most {@code value}. */
    public NearCacheSettings withMaximumTtl(Duration value) {
        return new NearCacheSettings(maximumSize, value);
    }
}
