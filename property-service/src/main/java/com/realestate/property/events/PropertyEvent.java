package com.realestate.property.events;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A recorded event: one entry of a property's timeline and one message of the transactional outbox.
 *
 * @param id          the position in the outbox; later events have larger ids
 * @param tenant      the tenant of the property
 * @param property    the property the event is about
 * @param type        what happened
 * @param occurredAt  when it happened
 * @param changes     the changed fields by name
 * @param publishedAt when the relay published it; {@code null} while it waits in the outbox
 */
public record PropertyEvent(long id, TenantId tenant, PropertyId property, EventType type, Instant occurredAt,
        Map<String, FieldChange> changes, Instant publishedAt) {

    /** Validates that every part but the publication time is present. */
    public PropertyEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(changes, "changes")));
    }
}
