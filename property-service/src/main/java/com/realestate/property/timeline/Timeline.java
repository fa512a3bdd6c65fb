package com.realestate.property.timeline;

import java.util.List;
import java.util.Objects;

/**
 * A property's history of domain events, oldest first.
 *
 * @param propertyId the property
 * @param events     its events, oldest first
 */
public record Timeline(String propertyId, List<TimelineEntry> events) {

    /** Validates the id and copies the events. */
    public Timeline {
        Objects.requireNonNull(propertyId, "propertyId");
        events = List.copyOf(events);
    }
}
