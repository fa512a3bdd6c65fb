package com.realestate.property.cache;

import com.realestate.cache.invalidation.DomainEvent;
import com.realestate.property.events.NewEvent;
import com.realestate.property.events.PropertyEvent;
import java.util.Map;

/** Turns the service's recorded events into the library's domain events; the outbox id is the event id. */
final class DomainEvents {

    private DomainEvents() {
    }

    static DomainEvent of(long id, NewEvent event) {
        return new DomainEvent(eventId(id), event.type().wireName(), event.tenant().value(), event.property().value(),
                event.occurredAt(), Map.of());
    }

    static DomainEvent of(PropertyEvent event) {
        return new DomainEvent(eventId(event.id()), event.type().wireName(), event.tenant().value(),
                event.property().value(), event.occurredAt(), Map.of());
    }

    private static String eventId(long outboxId) {
        return "property-event-" + outboxId;
    }
}
