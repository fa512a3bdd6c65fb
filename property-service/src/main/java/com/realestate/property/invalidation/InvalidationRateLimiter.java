package com.realestate.property.invalidation;

import com.realestate.cache.key.TenantId;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j rate limiter per tenant, so one tenant's burst of invalidations never uses up another's.
 * A request over the limit fails at once rather than waiting for a permit.
 */
@Component
public class InvalidationRateLimiter {

    private final RateLimiterRegistry registry;
    private final Duration period;

    /** Limiters with the configured limit per period. */
    public InvalidationRateLimiter(InvalidationSettings settings) {
        this.period = settings.period();
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.limitForPeriod())
                .limitRefreshPeriod(settings.period())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /**
     * Takes one permit of the tenant's limiter.
     *
     * @throws RateLimitedException when the tenant has none left in this period
     */
    public void acquire(TenantId tenant) {
        RateLimiter limiter = registry.rateLimiter("invalidate:" + tenant.value());
        if (!limiter.acquirePermission()) {
            throw new RateLimitedException(retryAfter(limiter));
        }
    }

    private Duration retryAfter(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait());
        }
        return period;
    }
}
