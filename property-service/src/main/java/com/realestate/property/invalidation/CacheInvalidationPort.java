package com.realestate.property.invalidation;

/**
 * Where the service asks for a property's cached views to be dropped. The service ships a no-op implementation
 * (nothing is cached yet); the caching layer replaces it by declaring a bean of this type, which takes
 * precedence over the no-op fallback.
 */
public interface CacheInvalidationPort {

    /** Drops the keys and groups of the request, or reports why it did not. */
    InvalidationResult invalidate(InvalidationRequest request);
}
