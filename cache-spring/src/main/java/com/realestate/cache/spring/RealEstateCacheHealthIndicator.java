package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheStatus;
import com.realestate.cache.client.KeyTtl;
import java.util.Locale;
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
 * answering is noticed even while no request uses the cache. The details (where Redis is, without its password,
 * the key prefix, the circuit breaker's state and whether Redis is a cluster) come from the client's
 * {@link CacheClient#status() status}, so they are there whether or not the application has a meter registry. On a
 * cluster, a failover in progress (a slot without a serving master) reads as {@code DEGRADED} until the client has
 * followed it.
 */
public final class RealEstateCacheHealthIndicator implements HealthIndicator {

    /** Redis is unavailable and the application serves values from their source. */
    public static final Status DEGRADED = new Status("DEGRADED", "Redis is unavailable; values are served from their source");

    private static final String PROBE_KEY = "~health-probe";

    private final CacheClient client;

    /** An indicator for {@code client}. */
    public RealEstateCacheHealthIndicator(CacheClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        boolean answered = !(client.ttl(PROBE_KEY) instanceof KeyTtl.Unknown);
        CacheStatus status = client.status();
        Health.Builder health = answered && status.available()
                ? Health.up()
                : Health.status(DEGRADED).withDetail("serving", "from source");
        return health.withDetail("redisUrl", status.redisUrl())
                .withDetail("keyPrefix", status.keyPrefix())
                .withDetail("breaker", status.breakerState().toLowerCase(Locale.ROOT))
                .withDetail("mode", status.cluster() ? "cluster" : "standalone")
                .build();
    }
}
