package com.realestate.property.cache;

import com.realestate.cache.invalidation.EventDrivenInvalidator;
import com.realestate.property.events.PropertyEventAppended;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies a write's events to this instance's cache as soon as its transaction commits, before the response
 * leaves, so that a client reads its own write at once. Other instances hear the same events from the outbox
 * relay; applying an event twice is harmless.
 */
@Component
class AfterCommitInvalidation {

    private final EventDrivenInvalidator invalidator;
    private final OutboxRelay relay;

    AfterCommitInvalidation(EventDrivenInvalidator invalidator, OutboxRelay relay) {
        this.invalidator = invalidator;
        this.relay = relay;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(PropertyEventAppended appended) {
        invalidator.handle(DomainEvents.of(appended.id(), appended.event()));
        relay.wake();
    }
}
