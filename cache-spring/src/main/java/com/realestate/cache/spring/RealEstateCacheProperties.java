package com.realestate.cache.spring;

import com.realestate.cache.client.CacheConfigurationException;
import com.realestate.cache.client.CacheSettings;
import com.realestate.cache.client.LoadPolicy;
import com.realestate.cache.tier.NearCacheSettings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Spring cache integration, under {@code realestate.cache}, so that caches get their TTLs and
 * loading protections from {@code application.yml} without Java. Connection settings left unset fall back to the
 * library's variables ({@code REDIS_URL}, {@code REDIS_CLUSTER}, {@code CACHE_KEY_PREFIX}, {@code CACHE_DEFAULT_TTL},
 * {@code CACHE_COMMAND_TIMEOUT_MS}, {@code CACHE_CONNECT_TIMEOUT_MS}) and then to its defaults. Durations without a
 * unit are seconds for TTLs and milliseconds for timeouts and leases.
 *
 * @param enabled         Whether the integration is on; false creates neither client nor cache manager.
 * @param redisUrl        Redis URL (redis:// or rediss://, may hold password and database), or a Redis Cluster's seeds
 *                        (redis://host1:7000,host2:7001); else REDIS_URL.
 * @param cluster         Whether a single redis-url is the seed of a Redis Cluster (a seed list is one anyway); else REDIS_CLUSTER.
 * @param keyPrefix       Namespace of every key, each cache's keys below it; else CACHE_KEY_PREFIX.
 * @param defaultTtl      TTL of caches that set none (plain numbers are seconds); else CACHE_DEFAULT_TTL.
 * @param commandTimeout  Longest one Redis command may take before it counts as failed; else CACHE_COMMAND_TIMEOUT_MS.
 * @param connectTimeout  Longest a connection attempt may take; else CACHE_CONNECT_TIMEOUT_MS.
 * @param dynamic         Whether a cache name that is not configured gets a cache on first use.
 * @param trustedPackages Packages whose classes cached values may be read back as; default java. and the app's packages.
 * @param cacheNames      Caches to create at start with the default settings.
 * @param caches          Caches to create at start with settings of their own, by cache name.
 * @param nearCache       The in-process tier in front of Redis, for every cache unless a cache says otherwise.
 * @param compression     zstd compression of cached values, with an optional trained dictionary.
 */
@ConfigurationProperties("realestate.cache")
public record RealEstateCacheProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String redisUrl,
        @Nullable Boolean cluster,
        @Nullable String keyPrefix,
        @DurationUnit(ChronoUnit.SECONDS) @Nullable Duration defaultTtl,
        @Nullable Duration commandTimeout,
        @Nullable Duration connectTimeout,
        @DefaultValue("true") boolean dynamic,
        @Nullable List<String> trustedPackages,
        @Nullable List<String> cacheNames,
        @Nullable Map<String, CacheSpec> caches,
        @DefaultValue NearCache nearCache,
        @DefaultValue CompressionSpec compression) {

    public RealEstateCacheProperties {
        trustedPackages = trustedPackages == null ? List.of() : List.copyOf(trustedPackages);
        cacheNames = cacheNames == null ? List.of() : List.copyOf(cacheNames);
        caches = caches == null ? Map.of() : Map.copyOf(caches);
    }

    /**
     * The near cache: a size-bounded Caffeine tier per cache, kept coherent across instances by an invalidation
     * stream in Redis, and bypassed while that stream cannot be heard. Off unless enabled.
     *
     * @param enabled        Whether caches get a near cache (each cache may override it).
     * @param maximumSize    Most entries kept per cache.
     * @param maximumTtl     Longest an entry is served from memory, whatever its TTL in Redis.
     * @param announceWrites Announce writes for other instances' near caches even when this one keeps none.
     */
    public record NearCache(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("10000") long maximumSize,
            @DefaultValue("5m") Duration maximumTtl,
            @DefaultValue("false") boolean announceWrites) {

        public NearCache {
            settings(maximumSize, maximumTtl);
        }

        /** The library's settings for these values. */
        public NearCacheSettings toSettings() {
            return settings(maximumSize, maximumTtl);
        }

        private static NearCacheSettings settings(long maximumSize, Duration maximumTtl) {
            return new NearCacheSettings(maximumSize, maximumTtl);
        }
    }

    /**
     * Compression of cached values: cache-core's defaults unless set. A dictionary trained on the application's
     * values (see {@link com.realestate.cache.client.CompressionDictionary}) makes values of a few hundred bytes
     * shrink too; every instance needs it, and {@code previousDictionaries} keeps values written with an earlier one
     * readable while a new one rolls out. Dictionaries are read at start, so a missing or damaged one stops the start.
     *
     * @param enabled              Whether values are compressed when written; values already compressed are read either way.
     * @param threshold            Size of a value's JSON from which it is compressed; default 4KB, or 256B with a dictionary.
     * @param dictionary           Location of the zstd dictionary values are compressed with, such as classpath:cache/views-v2.zdict.
     * @param previousDictionaries Locations of dictionaries values are no longer compressed with but still read (keep for one TTL).
     */
    public record CompressionSpec(
            @DefaultValue("true") boolean enabled,
            @Nullable DataSize threshold,
            @Nullable Resource dictionary,
            @Nullable List<Resource> previousDictionaries) {

        public CompressionSpec {
            previousDictionaries = previousDictionaries == null ? List.of() : List.copyOf(previousDictionaries);
            if (threshold != null && (threshold.toBytes() < 1 || threshold.toBytes() > Integer.MAX_VALUE)) {
                throw new CacheConfigurationException("realestate.cache.compression.threshold must be between 1B and "
                        + Integer.MAX_VALUE + "B, was " + threshold);
            }
        }
    }

    /**
     * Settings of one cache; each one left unset keeps the default ({@link LoadPolicy#defaults} with the default
     * TTL, background refresh off). Checked when bound, so a bad value fails the start.
     *
     * @param ttl                  How long a cached value lives (plain numbers are seconds).
     * @param keyPrefix            Segment the cache's keys live under (prefix, segment, ':'); default the cache name.
     * @param ttlJitter            Fraction (0 to 0.5) by which each entry's TTL is shortened at random.
     * @param negativeTtl          How long a null result is remembered (plain numbers are seconds); 0 remembers none.
     * @param singleFlight         Whether concurrent sync = true misses on one key run the method once.
     * @param lease                How long one instance may hold the right to load a key while others wait; 0 for none.
     * @param leaseWait            How long an instance waits for another's load before loading by itself.
     * @param earlyRefreshBeta     Above 0, sync = true hits close to expiry refresh the value in the background.
     * @param staleWhileRevalidate How long after expiry a sync = true read may get the old value while it is refreshed.
     * @param nearCache            Whether this cache has a near cache; default {@code realestate.cache.near-cache.enabled}.
     */
    public record CacheSpec(
            @DurationUnit(ChronoUnit.SECONDS) @Nullable Duration ttl,
            @Nullable String keyPrefix,
            @Nullable Double ttlJitter,
            @DurationUnit(ChronoUnit.SECONDS) @Nullable Duration negativeTtl,
            @Nullable Boolean singleFlight,
            @Nullable Duration lease,
            @Nullable Duration leaseWait,
            @Nullable Double earlyRefreshBeta,
            @DurationUnit(ChronoUnit.SECONDS) @Nullable Duration staleWhileRevalidate,
            @Nullable Boolean nearCache) {

        public CacheSpec {
            merge(LoadPolicy.defaults(CacheSettings.DEFAULT_TTL), ttl, ttlJitter, negativeTtl, singleFlight, lease,
                    leaseWait, earlyRefreshBeta, staleWhileRevalidate);
        }

        /**
         * This cache's loading policy: the settings given here over {@code base}.
         *
         * @throws com.realestate.cache.client.CacheConfigurationException when a value is out of range
         */
        public LoadPolicy toPolicy(LoadPolicy base) {
            return merge(base, ttl, ttlJitter, negativeTtl, singleFlight, lease, leaseWait, earlyRefreshBeta,
                    staleWhileRevalidate);
        }

        private static LoadPolicy merge(LoadPolicy base, @Nullable Duration ttl, @Nullable Double ttlJitter,
                                        @Nullable Duration negativeTtl, @Nullable Boolean singleFlight,
                                        @Nullable Duration lease, @Nullable Duration leaseWait,
                                        @Nullable Double earlyRefreshBeta, @Nullable Duration staleWhileRevalidate) {
            LoadPolicy policy = base;
            if (ttl != null) {
                policy = policy.withTtl(ttl);
            }
            if (ttlJitter != null) {
                policy = policy.withTtlJitter(ttlJitter);
            }
            if (negativeTtl != null) {
                policy = policy.withNegativeTtl(negativeTtl);
            }
            if (singleFlight != null) {
                policy = policy.withSingleFlight(singleFlight);
            }
            if (lease != null || leaseWait != null) {
                policy = policy.withLease(lease != null ? lease : policy.lease(),
                        leaseWait != null ? leaseWait : policy.leaseWait());
            }
            if (earlyRefreshBeta != null) {
                policy = policy.withEarlyRefreshBeta(earlyRefreshBeta);
            }
            if (staleWhileRevalidate != null) {
                policy = policy.withStaleWhileRevalidate(staleWhileRevalidate);
            }
            return policy;
        }
    }
}
