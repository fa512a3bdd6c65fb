/**
 * Cache invalidation for the Property API: what a change makes stale, and making sure it is invalidated.
 *
 * <ul>
 *   <li>{@link com.realestate.cache.invalidation.CacheInvalidator} invalidates a property, its score or timeline,
 *       a tenant's lists or a whole tenant, and reports what it did in an
 *       {@link com.realestate.cache.invalidation.InvalidationReport}.</li>
 *   <li>{@link com.realestate.cache.invalidation.EventDrivenInvalidator} turns
 *       {@link com.realestate.cache.invalidation.DomainEvent}s into invalidations through pluggable
 *       {@link com.realestate.cache.invalidation.InvalidationStrategy strategies}.</li>
 *   <li>{@link com.realestate.cache.invalidation.InvalidationBus} carries events to every instance over a Redis
 *       stream.</li>
 *   <li>{@link com.realestate.cache.invalidation.DurableInvalidator} keeps and retries what a Redis outage
 *       prevented, records it in an {@link com.realestate.cache.invalidation.InvalidationOutbox}, and routes
 *       reads around the cache until it is done.</li>
 * </ul>
 */
package com.realestate.cache.invalidation;
