package com.realestate.property.cache;

import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.invalidation.InvalidationReport;
import com.realestate.property.invalidation.CacheInvalidationPort;
import com.realestate.property.invalidation.InvalidationRequest;
import com.realestate.property.invalidation.InvalidationResult;
import org.springframework.stereotype.Component;

/**
 * The manual invalidation endpoint's port onto the cache: drops the property's views and its tenant's list pages
 * through the durable invalidator, so what Redis cannot take now is retried rather than lost.
 */
@Component
class RedisCacheInvalidation implements CacheInvalidationPort {

    private final DurableInvalidator invalidator;

    RedisCacheInvalidation(DurableInvalidator invalidator) {
        this.invalidator = invalidator;
    }

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
}
