package com.realestate.property.timeline;

import com.realestate.property.events.EventType;
import com.realestate.property.events.FieldChange;
import java.time.Instant;
import java.util.Map;

/**
 * One event in a property's history as the timeline shows it.
 *
 * @param type       what happened, such as {@code property.updated}
 * @param occurredAt when it happened
 * @param changes    each changed field with its value before and after
 */
public record TimelineEntry(EventType type, Instant occurredAt, Map<String, FieldChange> changes) {
}
