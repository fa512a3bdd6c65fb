package com.realestate.property.invalidation;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-tenant rate limit of the invalidation endpoint, which can make every cache miss at once.
 *
 * @param limitForPeriod how many invalidations one tenant may ask for per period, at least 1
 * @param period         the length of a period, at least one millisecond
 */
@ConfigurationProperties("realestate.invalidation.rate-limit")
public record InvalidationSettings(@DefaultValue("10") int limitForPeriod, @DefaultValue("60s") Duration period) {

    /** Validates the limit. */
    public InvalidationSettings {
        Objects.requireNonNull(period, "period");
        if (limitForPeriod < 1) {
            throw new IllegalArgumentException("limit-for-period must be at least 1, was " + limitForPeriod);
        }
        if (period.toMillis() < 1) {
            throw new IllegalArgumentException("period must be at least 1ms, was " + period);
        }
    }
}
