package com.realestate.property.cache;

import com.realestate.cache.client.CacheKey;
import com.realestate.cache.invalidation.DomainEvent;
import com.realestate.property.invalidation.InvalidationRequest;
import com.realestate.property.invalidation.InvalidationResult;
import java.util.Optional;
import java.util.function.Supplier;

/** The provider "none": every read runs its loader against PostgreSQL and nothing is ever stale. */
final class UncachedViews implements PropertyViewCache {

    @Override
    public <T> Optional<T> getOrLoad(PropertyView view, CacheKey key, Class<T> type, Supplier<? extends T> loader) {
        return Optional.ofNullable(loader.get());
    }

    @Override
    public void committed(DomainEvent event) {
        // Nothing is cached, so a write leaves nothing stale.
    }

    @Override
    public InvalidationResult invalidate(InvalidationRequest request) {
        return new InvalidationResult(false, "No cache is configured; reads always come from the database");
    }

    @Override
    public CacheProvider provider() {
        return CacheProvider.NONE;
    }
}
