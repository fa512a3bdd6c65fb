package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheSettings;
import com.realestate.cache.client.KeyTtl;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the cache as {@code UP}, or as {@link #DEGRADED} while Redis is unavailable: the application still
 * answers (from the source, more slowly), so a cache outage must not take it out of a load balancer. It is never
 * {@code DOWN}; the auto-configuration maps {@code DEGRADED} to HTTP 200 and orders it after {@code UP}, so the
 * aggregate stays {@code UP} while any other component is, and it is not part of the readiness group.
 *
 * <p>Each check asks Redis one read-only question (the TTL of a key nobody writes), so a server that stopped
 * answering is noticed even while no request uses the cache.
 */
public final class RealEstateCacheHealthIndicator implements HealthIndicator {

    /** Redis is unavailable and the application serves values from their source. */
    public static final Status DEGRADED = new Status("DEGRADED", "Redis is unavailable; values are served from their source");

    private static final String PROBE_KEY = "~health-probe";
    private static final String BREAKER_STATE = "resilience4j.circuitbreaker.state";

    private final CacheClient client;
    private final @Nullable CacheSettings settings;
    private final @Nullable MeterRegistry registry;

    /**
     * An indicator for {@code client}; {@code settings} (if known) name the Redis it uses, and {@code registry} (if
     * the client reports to one) tells the circuit breaker's state.
     */
    public RealEstateCacheHealthIndicator(CacheClient client, @Nullable CacheSettings settings,
                                          @Nullable MeterRegistry registry) {
        this.client = client;
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public Health health() {
        boolean answered = !(client.ttl(PROBE_KEY) instanceof KeyTtl.Unknown);
        Health.Builder health = answered && client.isAvailable()
                ? Health.up()
                : Health.status(DEGRADED).withDetail("serving", "from source");
        if (settings != null) {
            health.withDetail("redisUrl", settings.redisUrlForDisplay());
        }
        health.withDetail("keyPrefix", client.keyPrefix());
        String breaker = breakerState();
        if (breaker != null) {
            health.withDetail("breaker", breaker);
        }
        return health.build();
    }

    /** The breaker's state as the client's resilience4j gauges report it: the one state whose gauge reads 1. */
    private @Nullable String breakerState() {
        if (registry == null || settings == null) {
            return null;
        }
        for (Gauge gauge : registry.find(BREAKER_STATE).tag("name", settings.name()).gauges()) {
            if (gauge.value() == 1.0) {
                return gauge.getId().getTag("state");
            }
        }
        return null;
    }
}
