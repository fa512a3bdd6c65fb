package com.realestate.cache.invalidation;

/**
 * Knows which cached data one kind of {@link DomainEvent} makes stale. Strategies are plugged into an
 * {@link EventDrivenInvalidator}; every strategy that handles an event's type is applied, so a new kind of cached
 * data can react to existing events without touching the built-in strategies.
 */
public interface InvalidationStrategy {

    /** {@code true} when events of {@code eventType} concern this strategy. */
    boolean handles(String eventType);

    /** Invalidates what {@code event} made stale, through {@code invalidator}, and says what was done. */
    InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator);
}
