package com.realestate.cache.client;

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
 * {@code cache.redis.latency} by operation, all tagged with the cache name.
 */
final class CacheMetrics extends CacheMeterBinder<CacheMetrics.Counts> {

    static final String ERRORS = "cache.errors";
    static final String LATENCY = "cache.redis.latency";
    static final String REMOVALS = "cache.removals";

    private final String cacheName;
    private final MeterRegistry registry;
    private final Counts counts;
    private final Timer[] latencies = new Timer[Operation.values().length];
    private final Counter[] unavailable = new Counter[RedisUnavailableException.Reason.values().length];
    private Counter corrupt;
    private Counter commandErrors;

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

    void latency(Operation operation, long nanos) {
        latencies[operation.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Removes this cache's meters, so a closed client leaves no frozen series behind. */
    void unbind() {
        List<Meter> mine = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            if (cacheName.equals(meter.getId().getTag("cache")) && meter.getId().getName().startsWith("cache.")) {
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
