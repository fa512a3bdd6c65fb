package com.realestate.property.cache;

import com.realestate.cache.client.CacheKey;
import com.realestate.cache.invalidation.DomainEvent;
import com.realestate.property.invalidation.CacheInvalidationPort;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cache the Property API's reads go through, one implementation per {@link CacheProvider}: reads are
 * cache-aside under the tenant-scoped keys of {@code PropertyKeys}, and a committed write drops exactly what it
 * changed (a property's detail, score and timeline, and its tenant's list pages) before its response leaves, so
 * that every provider keeps read-after-write.
 */
public interface PropertyViewCache extends CacheInvalidationPort {

    /**
     * The cached value of the view, or else the loader's result, cached for the view's TTL. A loader returning
     * {@code null} means "absent" (empty); a loader's exception reaches the caller and nothing is cached. Redis
     * trouble never reaches the caller: the loader simply runs.
     */
    <T> Optional<T> getOrLoad(PropertyView view, CacheKey key, Class<T> type, Supplier<? extends T> loader);

    /** Drops what the committed write that recorded {@code event} made stale. */
    void committed(DomainEvent event);

    /** The provider this cache is. */
    CacheProvider provider();
}
