package com.realestate.property.system;

import com.realestate.cache.client.CacheSettings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The cache settings of the environment ({@code REDIS_URL}, {@code CACHE_DEFAULT_TTL} in seconds,
 * {@code CACHE_KEY_PREFIX}), checked at start and reported; the caching layer reads the same variables.
 *
 * @param redisUrl   where Redis is, {@code redis://} or {@code rediss://}
 * @param defaultTtl how long a cached value lives by default, positive
 * @param keyPrefix  the namespace of every key, not blank and without braces
 */
@ConfigurationProperties("realestate.cache")
public record ServiceCacheSettings(String redisUrl, @DurationUnit(ChronoUnit.SECONDS) Duration defaultTtl,
        String keyPrefix) {

    /** Validates every setting. */
    public ServiceCacheSettings {
        Objects.requireNonNull(redisUrl, "REDIS_URL");
        Objects.requireNonNull(defaultTtl, "CACHE_DEFAULT_TTL");
        Objects.requireNonNull(keyPrefix, "CACHE_KEY_PREFIX");
        if (!redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
            throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://, was "
                    + redactedUrl(redisUrl));
        }
        if (defaultTtl.isNegative() || defaultTtl.isZero()) {
            throw new IllegalArgumentException("CACHE_DEFAULT_TTL must be positive, was " + defaultTtl);
        }
        if (keyPrefix.isBlank() || keyPrefix.contains("{") || keyPrefix.contains("}")) {
            throw new IllegalArgumentException("CACHE_KEY_PREFIX must not be blank or contain braces, was '"
                    + keyPrefix + "'");
        }
    }

    /** The Redis URL with any password masked, for logs and the info endpoint. */
    public String redactedRedisUrl() {
        return redactedUrl(redisUrl);
    }

    @Override
    public String toString() {
        return "ServiceCacheSettings[redisUrl=" + redactedRedisUrl() + ", defaultTtl=" + defaultTtl
                + ", keyPrefix=" + keyPrefix + "]";
    }

    /** Masked as cache-core masks it: a password may hold {@code / @ # ?} unencoded. */
    private static String redactedUrl(String url) {
        return CacheSettings.maskedRedisUrl(url);
    }
}
