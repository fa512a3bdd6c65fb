package com.realestate.property.events;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An event about to be recorded, in the same transaction as the write that caused it.
 *
 * @param tenant     the tenant of the property
 * @param property   the property the event is about
 * @param type       what happened
 * @param occurredAt when it happened
 * @param changes    the changed fields by name, in a stable order
 */
public record NewEvent(TenantId tenant, PropertyId property, EventType type, Instant occurredAt,
        Map<String, FieldChange> changes) {

    /** Validates that every part is present and freezes the changes in their order. */
    public NewEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(changes, "changes")));
    }
}
