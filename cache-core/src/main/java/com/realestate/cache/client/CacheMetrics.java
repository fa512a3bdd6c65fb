package com.realestate.cache.client;

import com.realestate.cache.tier.NearCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client's meters under Micrometer's cache names ({@code cache.gets} with {@code result=hit|miss},
 * {@code cache.puts}), plus {@code cache.removals}, {@code cache.errors} by kind and
 * {@code cache.redis.latency} by operation, and the loading layers' meters ({@code cache.loads} by result,
 * coalesced loads, lease waits, refreshes, refused stale sets), all tagged with the cache name.
 */
final class CacheMetrics extends CacheMeterBinder<CacheMetrics.Counts> {

    static final String ERRORS = "cache.errors";
    static final String LATENCY = "cache.redis.latency";
    static final String REMOVALS = "cache.removals";
    static final String LOADS = "cache.loads";
    static final String REFRESHES = "cache.refreshes";
    static final String STALE_SETS_REFUSED = "cache.stale_sets.refused";

    private final String cacheName;
    private final MeterRegistry registry;
    private final Counts counts;
    private final Timer[] latencies = new Timer[Operation.values().length];
    private final Counter[] unavailable = new Counter[RedisUnavailableException.Reason.values().length];
    private Counter corrupt;
    private Counter commandErrors;
    private Timer loadSuccess;
    private Timer loadFailure;
    private Counter coalesced;
    private Counter leaseWaits;
    private Counter leaseTimeouts;
    private Counter earlyRefreshes;
    private Counter staleRefreshes;
    private Counter staleSetsRefused;

    /** The counters behind the function meters; Micrometer holds them weakly, so this binder holds them strongly. */
    static final class Counts {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder puts = new LongAdder();
        final LongAdder removals = new LongAdder();
    }

    CacheMetrics(String cacheName, MeterRegistry registry) {
        this(new Counts(), cacheName, registry);
    }

    private CacheMetrics(Counts counts, String cacheName, MeterRegistry registry) {
        super(counts, cacheName, Tags.empty());
        this.counts = counts;
        this.cacheName = cacheName;
        this.registry = registry;
        bindTo(registry);
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry meterRegistry) {
        Tags cache = Tags.of("cache", cacheName);
        for (Operation operation : Operation.values()) {
            latencies[operation.ordinal()] = Timer.builder(LATENCY)
                    .description("Time of Redis commands sent by the cache, successful or not")
                    .tags(cache.and("operation", operation.tag))
                    .register(meterRegistry);
        }
        for (RedisUnavailableException.Reason reason : RedisUnavailableException.Reason.values()) {
            unavailable[reason.ordinal()] = errorCounter(meterRegistry, cache, reason.tag);
        }
        corrupt = errorCounter(meterRegistry, cache, "corrupt_value");
        commandErrors = errorCounter(meterRegistry, cache, "command");
        meterRegistry.more().counter(REMOVALS, cache, counts.removals, LongAdder::doubleValue);
        loadSuccess = loadTimer(meterRegistry, cache, "success");
        loadFailure = loadTimer(meterRegistry, cache, "failure");
        coalesced = counter(meterRegistry, "cache.loads.coalesced", cache, "Misses that waited for a load already running in this process");
        leaseWaits = counter(meterRegistry, "cache.lease.waits", cache, "Misses that waited for another process's load");
        leaseTimeouts = counter(meterRegistry, "cache.lease.timeouts", cache, "Waits for another process that gave up and loaded");
        earlyRefreshes = counter(meterRegistry, REFRESHES, cache.and("trigger", "early"), "Background refreshes");
        staleRefreshes = counter(meterRegistry, REFRESHES, cache.and("trigger", "stale"), "Background refreshes");
        staleSetsRefused = counter(meterRegistry, STALE_SETS_REFUSED, cache,
                "Loaded values not stored because their key was invalidated while they loaded");
    }

    private static Timer loadTimer(MeterRegistry registry, Tags cache, String result) {
        return Timer.builder(LOADS).description("Loader executions and their duration")
                .tags(cache.and("result", result)).register(registry);
    }

    private static Counter counter(MeterRegistry registry, String name, Tags tags, String description) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private static Counter errorCounter(MeterRegistry registry, Tags cache, String kind) {
        return Counter.builder(ERRORS)
                .description("Cache calls that Redis could not serve, by kind")
                .tags(cache.and("kind", kind))
                .register(registry);
    }

    void hit() {
        counts.hits.increment();
    }

    void miss() {
        counts.misses.increment();
    }

    void put() {
        counts.puts.increment();
    }

    void removed(long count) {
        counts.removals.add(count);
    }

    void unavailable(RedisUnavailableException.Reason reason) {
        unavailable[reason.ordinal()].increment();
    }

    void corruptValue() {
        corrupt.increment();
    }

    void commandError() {
        commandErrors.increment();
    }

    void loaded(long nanos) {
        loadSuccess.record(nanos, TimeUnit.NANOSECONDS);
    }

    void loadFailed(long nanos) {
        loadFailure.record(nanos, TimeUnit.NANOSECONDS);
    }

    void coalesced() {
        coalesced.increment();
    }

    void leaseWait() {
        leaseWaits.increment();
    }

    void leaseTimeout() {
        leaseTimeouts.increment();
    }

    void refresh(String trigger) {
        ("early".equals(trigger) ? earlyRefreshes : staleRefreshes).increment();
    }

    void staleSetRefused() {
        staleSetsRefused.increment();
    }

    void latency(Operation operation, long nanos) {
        latencies[operation.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Meters of a near cache in front of this cache: {@code cache.near.gets} by result, the fills refused because an
     * invalidation overtook them, invalidations heard, entries held and whether it is serving (1) or bypassed (0).
     */
    void bindNearCache(NearCache near) {
        Tags cache = Tags.of("cache", cacheName);
        registry.more().counter("cache.near.gets", cache.and("result", "hit"), near, NearCache::hits);
        registry.more().counter("cache.near.gets", cache.and("result", "miss"), near, NearCache::misses);
        registry.more().counter("cache.near.fills.refused", cache, near, NearCache::refusedFills);
        registry.more().counter("cache.near.invalidations", cache, near, NearCache::invalidations);
        registry.gauge("cache.near.size", cache, near, NearCache::size);
        registry.gauge("cache.near.serving", cache, near, n -> n.serving() ? 1 : 0);
    }

    /** Removes this cache's meters, so a closed client leaves no frozen series behind. */
    void unbind() {
        removeMeters("cache.");
    }

    /**
     * Removes the near cache's meters of this cache: they read the near cache they were bound to, so a near cache
     * made again under this name would otherwise be counted by its closed predecessor's.
     */
    void unbindNearCache() {
        removeMeters("cache.near.");
    }

    private void removeMeters(String namePrefix) {
        List<Meter> mine = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            if (cacheName.equals(meter.getId().getTag("cache")) && meter.getId().getName().startsWith(namePrefix)) {
                mine.add(meter);
            }
        }
        mine.forEach(registry::remove);
    }

    @Override
    protected Long size() {
        return null;
    }

    @Override
    protected long hitCount() {
        return counts.hits.sum();
    }

    @Override
    protected Long missCount() {
        return counts.misses.sum();
    }

    @Override
    protected Long evictionCount() {
        return null;
    }

    @Override
    protected long putCount() {
        return counts.puts.sum();
    }
}
