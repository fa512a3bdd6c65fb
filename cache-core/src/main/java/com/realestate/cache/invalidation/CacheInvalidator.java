package com.realestate.cache.invalidation;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;

/**
 * Invalidates the cached data of the Property API when the data behind it changes. Every method says what it did
 * in an {@link InvalidationReport} rather than throwing: with Redis unavailable the report is not complete and
 * names what may still be served, so the caller can retry (or use a {@link DurableInvalidator}, which does).
 *
 * <p>Tenant and list invalidations reach only keys cached in their groups, that is through
 * {@link com.realestate.cache.key.PropertyKeys#detailKey} and its siblings, never keys cached as plain strings.
 */
public interface CacheInvalidator {

    /** An invalidator that acts on {@code client} directly, once, with no retry. */
    static CacheInvalidator of(CacheClient client) {
        return new ClientInvalidator(client);
    }

    /** Carries out {@code invalidation} as far as Redis lets it. */
    InvalidationReport invalidate(Invalidation invalidation);

    /** A changed or deleted property: its detail, score and timeline, and the tenant's lists, which may show it. */
    default InvalidationReport invalidateProperty(TenantId tenant, PropertyId property) {
        return invalidate(PropertyInvalidations.property(tenant, property));
    }

    /** Every cached list page of the tenant, in O(1). */
    default InvalidationReport invalidatePropertyLists(TenantId tenant) {
        return invalidate(PropertyInvalidations.lists(tenant));
    }

    /** The property's score. */
    default InvalidationReport invalidatePropertyScore(TenantId tenant, PropertyId property) {
        return invalidate(PropertyInvalidations.score(tenant, property));
    }

    /** The property's timeline. */
    default InvalidationReport invalidateTimeline(TenantId tenant, PropertyId property) {
        return invalidate(PropertyInvalidations.timeline(tenant, property));
    }

    /** Every key of the tenant cached in its tenant group, in O(1). */
    default InvalidationReport invalidateTenant(TenantId tenant) {
        return invalidate(PropertyInvalidations.tenant(tenant));
    }

    /**
     * Every key under the client's prefix, by SCAN and UNLINK: for maintenance only, never on a request path.
     * Fences of invalidated keys go too, so a load running meanwhile may store what it read.
     */
    default InvalidationReport invalidateAll() {
        return invalidate(Invalidation.everything());
    }
}
