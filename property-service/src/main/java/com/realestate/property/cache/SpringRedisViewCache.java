package com.realestate.property.cache;

import com.realestate.cache.client.CacheKey;
import com.realestate.cache.invalidation.DomainEvent;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.property.invalidation.InvalidationRequest;
import com.realestate.property.invalidation.InvalidationResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheManager;

/**
 * The peer: Spring Data Redis' {@link RedisCacheManager}, used exactly as {@code @Cacheable} uses a cache (a GET,
 * and on a miss the loader and a PUT with the view's TTL), under the same tenant-scoped keys. A committed write
 * evicts the property's detail, score and timeline and clears its tenant's list pages and scores (SCANs of their keys),
 * so it keeps read-after-write like ours. As with Spring's logging cache error handler, Redis trouble is logged
 * once and reads fall through to the loader; unlike ours, an eviction Redis refused is not retried.
 */
final class SpringRedisViewCache implements PropertyViewCache {

    private static final Logger log = LoggerFactory.getLogger(SpringRedisViewCache.class);

    private final Map<PropertyView, RedisCache> caches = new EnumMap<>(PropertyView.class);
    private final PropertyCacheSettings settings;
    private volatile boolean failing;

    SpringRedisViewCache(RedisCacheManager manager, PropertyCacheSettings settings) {
        this.settings = settings;
        for (PropertyView view : PropertyView.values()) {
            caches.put(view, (RedisCache) manager.getCache(view.cacheName()));
        }
    }

    @Override
    public <T> Optional<T> getOrLoad(PropertyView view, CacheKey key, Class<T> type, Supplier<? extends T> loader) {
        RedisCache cache = caches.get(view);
        Cache.ValueWrapper hit = guarded(() -> cache.get(key.key()));
        if (hit != null) {
            return Optional.ofNullable(type.cast(hit.get()));
        }
        T loaded = loader.get();
        if (loaded != null || !settings.notFoundTtl().isZero()) {
            guarded(() -> {
                cache.put(key.key(), loaded);
                return null;
            });
        }
        return Optional.ofNullable(loaded);
    }

    @Override
    public void committed(DomainEvent event) {
        TenantId tenant = event.tenant();
        PropertyId property = event.property();
        if (event.type().startsWith("property.")) {
            dropProperty(tenant, property);
        } else if (event.type().equals("score.calculated") || event.type().startsWith("timeline.")) {
            guarded(() -> caches.get(PropertyView.TIMELINES).evictIfPresent(PropertyKeys.timeline(tenant, property)));
        }
    }

    @Override
    public InvalidationResult invalidate(InvalidationRequest request) {
        return dropProperty(request.tenant(), request.property())
                ? new InvalidationResult(true, "evicted 3 keys and cleared the tenant's list pages and scores")
                : new InvalidationResult(false, "Redis is unavailable: nothing was evicted");
    }

    @Override
    public CacheProvider provider() {
        return CacheProvider.SPRING_DATA_REDIS;
    }

    private boolean dropProperty(TenantId tenant, PropertyId property) {
        Boolean done = guarded(() -> {
            caches.get(PropertyView.DETAILS).evictIfPresent(PropertyKeys.detail(tenant, property));
            caches.get(PropertyView.SCORES).evictIfPresent(PropertyKeys.score(tenant, property));
            caches.get(PropertyView.TIMELINES).evictIfPresent(PropertyKeys.timeline(tenant, property));
            caches.get(PropertyView.LISTS).clear(PropertyKeys.listPattern(tenant));
            caches.get(PropertyView.SCORES).clear(PropertyKeys.scorePattern(tenant));
            return true;
        });
        return done != null;
    }

    private <R> R guarded(Supplier<R> call) {
        try {
            R result = call.get();
            if (failing) {
                failing = false;
                log.info("Spring Data Redis cache answers again");
            }
            return result;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Spring Data Redis cache failed; reads go to the database until it answers: {}", e.toString());
            }
            return null;
        }
    }
}
