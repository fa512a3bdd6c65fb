package com.realestate.property.events;

import java.util.Objects;

/**
 * Announces, inside the writing transaction, that an event was recorded; listeners that must act only on
 * committed data listen after commit.
 *
 * @param id    the event's position in the outbox
 * @param event the event
 */
public record PropertyEventAppended(long id, NewEvent event) {

    /** Validates that the event is present. */
    public PropertyEventAppended {
        Objects.requireNonNull(event, "event");
    }
}
