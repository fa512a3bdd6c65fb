package com.realestate.property.cache;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.client.LoadPolicy;
import com.realestate.cache.invalidation.DomainEvent;
import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.invalidation.EventDrivenInvalidator;
import com.realestate.cache.invalidation.InvalidationBus;
import com.realestate.cache.invalidation.InvalidationReport;
import com.realestate.cache.spring.RealEstateCacheProperties.NearCache;
import com.realestate.property.invalidation.InvalidationRequest;
import com.realestate.property.invalidation.InvalidationResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Our provider: each view is a named view of the {@code cache-core} client (cache-aside with single flight, a
 * cross-instance lease and fenced stores), read through the durable invalidator so that a key whose invalidation
 * Redis has not taken yet is read from the database instead. A committed write is applied here before its response
 * leaves, and every other instance hears it from the outbox relay on the invalidation bus. With
 * {@code realestate.cache.near-cache.enabled}, each view has a coherent near cache in front of Redis.
 */
final class RealEstateViewCache implements PropertyViewCache {

    private final DurableInvalidator invalidator;
    private final EventDrivenInvalidator events;
    private final InvalidationBus bus;
    private final OutboxRelay relay;
    private final Map<PropertyView, CacheClient> views = new EnumMap<>(PropertyView.class);

    RealEstateViewCache(CacheClient cache, DurableInvalidator invalidator, EventDrivenInvalidator events,
            InvalidationBus bus, OutboxRelay relay, PropertyCacheSettings settings, NearCache nearCache) {
        this.invalidator = invalidator;
        this.events = events;
        this.bus = bus;
        this.relay = relay;
        LoadPolicy base = cache.loadPolicy();
        for (PropertyView view : PropertyView.values()) {
            LoadPolicy policy = base.withTtl(view.ttl(settings));
            if (view == PropertyView.DETAILS) {
                policy = policy.withNegativeTtl(settings.notFoundTtl());
            }
            CacheClient named = cache.named(view.cacheName(), policy);
            views.put(view, nearCache.enabled() ? named.withNearCache(nearCache.toSettings()) : named);
        }
    }

    @Override
    public <T> Optional<T> getOrLoad(PropertyView view, CacheKey key, Class<T> type, Supplier<? extends T> loader) {
        CacheClient client = views.get(view);
        return invalidator.getOrLoad(client, key, type, loader, client.loadPolicy());
    }

    /** Applies the event on this instance; once it fully landed, this instance skips it when the bus brings it back. */
    @Override
    public void committed(DomainEvent event) {
        if (events.handle(event).complete()) {
            bus.markApplied(event);
        }
        relay.wake();
    }

    /** Drops the property's views and its tenant's list pages; what Redis cannot take now is retried, not lost. */
    @Override
    public InvalidationResult invalidate(InvalidationRequest request) {
        InvalidationReport report = invalidator.invalidateProperty(request.tenant(), request.property());
        if (report.complete()) {
            return new InvalidationResult(true, "invalidated " + report.keysInvalidated().size() + " keys and "
                    + report.groupsInvalidated().size() + " group(s)");
        }
        return new InvalidationResult(false, "Redis is unavailable: " + (report.failedKeys().size()
                + report.failedGroups().size()) + " invalidation(s) are pending and will be retried");
    }

    @Override
    public CacheProvider provider() {
        return CacheProvider.REALESTATE;
    }
}
