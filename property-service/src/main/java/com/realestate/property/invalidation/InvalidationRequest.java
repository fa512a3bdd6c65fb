package com.realestate.property.invalidation;

import com.realestate.cache.invalidation.Invalidation;
import com.realestate.cache.invalidation.PropertyInvalidations;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * What a change to one property makes stale: its own views by key, and by group, each invalidated in O(1), every
 * cached list page of its tenant (a page may hold the property, and its total may have changed) and every cached
 * score of its tenant (the property may be among a score's comparables).
 *
 * @param tenant   the tenant of the property
 * @param property the property
 * @param keys     the exact cache keys to drop, as built by {@link PropertyKeys}
 * @param groups   the key groups to invalidate, as built by {@link PropertyKeys}
 */
public record InvalidationRequest(TenantId tenant, PropertyId property, List<String> keys, List<String> groups) {

    /** Validates that every part is present and copies the lists. */
    public InvalidationRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(property, "property");
        keys = List.copyOf(keys);
        groups = List.copyOf(groups);
    }

    /** Everything cached about the property, and the tenant's list pages and scores. */
    public static InvalidationRequest forProperty(TenantId tenant, PropertyId property) {
        Invalidation invalidation = PropertyInvalidations.property(tenant, property);
        return new InvalidationRequest(tenant, property, invalidation.keys(), invalidation.groups());
    }
}
