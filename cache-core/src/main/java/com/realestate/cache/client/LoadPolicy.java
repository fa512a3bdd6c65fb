package com.realestate.cache.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link CacheClient#getOrLoad} fills and refreshes one cache: each layer against stampedes and cold keys
 * is a setting here, so one cache can serve stale data while another never does. {@link #defaults()} is safe
 * for any data: single flight, a cross-process lease, 10 % TTL jitter and probabilistic early refresh are on;
 * serving stale values and caching absent results are off until a cache opts in.
 *
 * @param ttl                  how long a loaded value is fresh
 * @param ttlJitter            fraction (0 to 0.5) by which each entry's TTL is shortened at random, so that keys
 *                             filled together do not expire together
 * @param negativeTtl          how long a loader's {@code null} (absent) is remembered; zero caches no absence
 * @param singleFlight         concurrent misses on one key in this process run the loader once
 * @param lease                how long one process may hold the right to load a key while others wait; zero for none
 * @param leaseWait            how long a process waits for another's load before loading by itself
 * @param earlyRefreshBeta     XFetch's beta: above zero, a hit close to expiry refreshes the value in the background
 *                             with a probability that grows as expiry nears, scaled by how long the load took
 * @param staleWhileRevalidate how long after expiry a value may still be served while it is refreshed in the
 *                             background; zero never serves an expired value
 */
public record LoadPolicy(
        Duration ttl,
        double ttlJitter,
        Duration negativeTtl,
        boolean singleFlight,
        Duration lease,
        Duration leaseWait,
        double earlyRefreshBeta,
        Duration staleWhileRevalidate) {

    public static final double MAX_JITTER = 0.5;

    public LoadPolicy {
        requirePositive("ttl", ttl);
        requireNotNegative("negativeTtl", negativeTtl);
        requireNotNegative("lease", lease);
        requireNotNegative("leaseWait", leaseWait);
        requireNotNegative("staleWhileRevalidate", staleWhileRevalidate);
        if (!(ttlJitter >= 0 && ttlJitter <= MAX_JITTER)) {
            throw new CacheConfigurationException("ttlJitter must be between 0 and " + MAX_JITTER + ", was " + ttlJitter);
        }
        if (!(earlyRefreshBeta >= 0 && earlyRefreshBeta <= 10)) {
            throw new CacheConfigurationException("earlyRefreshBeta must be between 0 and 10, was " + earlyRefreshBeta);
        }
    }

    /** Safe defaults for values that live {@code ttl}. */
    public static LoadPolicy defaults(Duration ttl) {
        return new LoadPolicy(ttl, 0.1, Duration.ZERO, true, Duration.ofSeconds(5), Duration.ofSeconds(2), 1.0,
                Duration.ZERO);
    }

    /** This policy with another TTL; the same instance when the TTL is unchanged, as on every cached call. */
    public LoadPolicy withTtl(Duration value) {
        if (ttl.equals(value)) {
            return this;
        }
        return new LoadPolicy(value, ttlJitter, negativeTtl, singleFlight, lease, leaseWait, earlyRefreshBeta,
                staleWhileRevalidate);
    }

    public LoadPolicy withTtlJitter(double value) {
        return new LoadPolicy(ttl, value, negativeTtl, singleFlight, lease, leaseWait, earlyRefreshBeta,
                staleWhileRevalidate);
    }

    public LoadPolicy withNegativeTtl(Duration value) {
        return new LoadPolicy(ttl, ttlJitter, value, singleFlight, lease, leaseWait, earlyRefreshBeta,
                staleWhileRevalidate);
    }

    public LoadPolicy withSingleFlight(boolean value) {
        return new LoadPolicy(ttl, ttlJitter, negativeTtl, value, lease, leaseWait, earlyRefreshBeta,
                staleWhileRevalidate);
    }

    public LoadPolicy withLease(Duration value, Duration wait) {
        return new LoadPolicy(ttl, ttlJitter, negativeTtl, singleFlight, value, wait, earlyRefreshBeta,
                staleWhileRevalidate);
    }

    public LoadPolicy withEarlyRefreshBeta(double value) {
        return new LoadPolicy(ttl, ttlJitter, negativeTtl, singleFlight, lease, leaseWait, value,
                staleWhileRevalidate);
    }

    public LoadPolicy withStaleWhileRevalidate(Duration value) {
        return new LoadPolicy(ttl, ttlJitter, negativeTtl, singleFlight, lease, leaseWait, earlyRefreshBeta, value);
    }

    /** {@code true} when processes coordinate loads of a key through a lease in Redis. */
    public boolean leased() {
        return !lease.isZero();
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new CacheConfigurationException(name + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new CacheConfigurationException(name + " must not be negative, was " + value);
        }
    }
}
