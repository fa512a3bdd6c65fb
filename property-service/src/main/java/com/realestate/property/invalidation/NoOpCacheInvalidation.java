package com.realestate.property.invalidation;

/** The port while nothing is cached: accepts every request and reports that nothing needed dropping. */
public final class NoOpCacheInvalidation implements CacheInvalidationPort {

    @Override
    public InvalidationResult invalidate(InvalidationRequest request) {
        return new InvalidationResult(false, "No cache is configured; these keys and groups would be invalidated");
    }
}
