package com.realestate.cache.invalidation;

/**
 * Every {@code timeline.*} event (a note added, a visit booked, …): the property's cached timeline. New timeline
 * event types need no change here.
 */
public final class TimelineUpdateStrategy implements InvalidationStrategy {

    private static final String PREFIX = "timeline.";

    @Override
    public boolean handles(String eventType) {
        return eventType != null && eventType.startsWith(PREFIX) && eventType.length() > PREFIX.length();
    }

    @Override
    public InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator) {
        return invalidator.invalidateTimeline(event.tenant(), event.property());
    }

    @Override
    public String toString() {
        return "TimelineUpdateStrategy[timeline.*]";
    }
}
