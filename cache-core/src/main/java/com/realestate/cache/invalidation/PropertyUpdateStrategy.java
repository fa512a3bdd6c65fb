package com.realestate.cache.invalidation;

import java.util.Set;

/**
 * {@code property.created}, {@code property.updated} and {@code property.deleted}: the property's own keys, its
 * tenant's list pages and its tenant's scores (see {@link PropertyInvalidations#property}). A created property's keys are invalidated too, because a read before it existed may
 * have cached its absence (negative caching).
 */
public final class PropertyUpdateStrategy implements InvalidationStrategy {

    private static final Set<String> TYPES = Set.of("property.created", "property.updated", "property.deleted");

    @Override
    public boolean handles(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator) {
        return invalidator.invalidateProperty(event.tenant(), event.property());
    }

    @Override
    public String toString() {
        return "PropertyUpdateStrategy" + TYPES;
    }
}
