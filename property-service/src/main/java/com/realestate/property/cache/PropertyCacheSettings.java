package com.realestate.property.cache;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which cache the Property API's reads go through, how long each view stays cached, and how the cache is warmed
 * at start.
 *
 * @param detailTtl         a property's detail
 * @param listTtl           a page of a tenant's list
 * @param scoreTtl          a property's score
 * @param timelineTtl       a property's timeline
 * @param notFoundTtl       how long "no such property" is remembered, so floods of unknown ids spare the database
 * @param warmUpProperties  how many of the most recently changed properties are loaded into the cache at start
 * @param relayInterval     how often the outbox relay looks for events to publish when nothing woke it, and for
 *                          invalidations other instances left pending
 * @param provider          which cache the reads go through: {@code realestate} (ours), {@code spring-data-redis}
 *                          (Spring Data Redis' {@code RedisCacheManager}, for comparison) or {@code none}
 */
@ConfigurationProperties("realestate.property-cache")
public record PropertyCacheSettings(
        @DefaultValue("10m") Duration detailTtl,
        @DefaultValue("5m") Duration listTtl,
        @DefaultValue("30m") Duration scoreTtl,
        @DefaultValue("5m") Duration timelineTtl,
        @DefaultValue("30s") Duration notFoundTtl,
        @DefaultValue("200") int warmUpProperties,
        @DefaultValue("500ms") Duration relayInterval,
        @DefaultValue("realestate") CacheProvider provider) {

    /** Validates that every duration is positive and the warm-up bounded. */
    public PropertyCacheSettings {
        requirePositive("detail-ttl", detailTtl);
        requirePositive("list-ttl", listTtl);
        requirePositive("score-ttl", scoreTtl);
        requirePositive("timeline-ttl", timelineTtl);
        requirePositive("relay-interval", relayInterval);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(notFoundTtl, "not-found-ttl");
        if (notFoundTtl.isNegative()) {
            throw new IllegalArgumentException("realestate.property-cache.not-found-ttl must not be negative");
        }
        if (warmUpProperties < 0 || warmUpProperties > 10_000) {
            throw new IllegalArgumentException(
                    "realestate.property-cache.warm-up-properties must be between 0 and 10000, was " + warmUpProperties);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("realestate.property-cache." + name + " must be positive, was " + value);
        }
    }
}
