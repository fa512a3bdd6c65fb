package com.realestate.property.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.key.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One limiter per tenant, failing at once with a Retry-After when a tenant is over its limit. */
class InvalidationRateLimiterTests {

    private final InvalidationRateLimiter limiter = new InvalidationRateLimiter(
            new InvalidationSettings(2, Duration.ofMinutes(10)));

    @Test
    void aTenantOverItsLimitIsToldWhenToRetry() {
        TenantId tenant = new TenantId("acme");
        limiter.acquire(tenant);
        limiter.acquire(tenant);

        assertThatThrownBy(() -> limiter.acquire(tenant)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(429);
            assertThat(Long.parseLong(e.getHeaders().getFirst("Retry-After"))).isBetween(1L, 600L);
        });
    }

    @Test
    void tenantsDoNotShareALimit() {
        limiter.acquire(new TenantId("acme"));
        limiter.acquire(new TenantId("acme"));

        limiter.acquire(new TenantId("globex"));
        limiter.acquire(new TenantId("globex"));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new InvalidationSettings(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
