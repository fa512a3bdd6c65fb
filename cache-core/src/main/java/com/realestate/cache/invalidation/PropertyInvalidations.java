package com.realestate.cache.invalidation;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import java.util.List;

/**
 * The {@link Invalidation}s of the Property API's changes, in one place, so that the invalidator, the event
 * strategies and a service writing pending invalidations to its own outbox agree on what a change touches.
 */
public final class PropertyInvalidations {

    private PropertyInvalidations() {
    }

    /**
     * A property's detail, score and timeline, its tenant's list pages (which may show it) and its tenant's scores
     * (which may count it among their comparables).
     */
    public static Invalidation property(TenantId tenant, PropertyId property) {
        return Invalidation.of(
                List.of(PropertyKeys.detail(tenant, property), PropertyKeys.score(tenant, property),
                        PropertyKeys.timeline(tenant, property)),
                List.of(PropertyKeys.listGroup(tenant), PropertyKeys.scoreGroup(tenant)));
    }

    /** Every list page of the tenant. */
    public static Invalidation lists(TenantId tenant) {
        return Invalidation.ofGroups(PropertyKeys.listGroup(tenant));
    }

    /** A property's score. */
    public static Invalidation score(TenantId tenant, PropertyId property) {
        return Invalidation.ofKeys(PropertyKeys.score(tenant, property));
    }

    /** A property's timeline. */
    public static Invalidation timeline(TenantId tenant, PropertyId property) {
        return Invalidation.ofKeys(PropertyKeys.timeline(tenant, property));
    }

    /** Every key of the tenant cached in its tenant group. */
    public static Invalidation tenant(TenantId tenant) {
        return Invalidation.ofGroups(PropertyKeys.tenantGroup(tenant));
    }
}
