package com.realestate.property.cache;

import com.realestate.cache.invalidation.DomainEvent;
import com.realestate.cache.invalidation.EventDrivenInvalidator;
import com.realestate.cache.invalidation.InvalidationBus;
import com.realestate.property.events.PropertyEventAppended;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies a write's events to this instance's cache as soon as its transaction commits, before the response
 * leaves, so that a client reads its own write at once. Other instances hear the same events from the outbox
 * relay; this one skips their delivery once it applied them completely here.
 */
@Component
class AfterCommitInvalidation {

    private final EventDrivenInvalidator invalidator;
    private final InvalidationBus bus;
    private final OutboxRelay relay;

    AfterCommitInvalidation(EventDrivenInvalidator invalidator, InvalidationBus bus, OutboxRelay relay) {
        this.invalidator = invalidator;
        this.bus = bus;
        this.relay = relay;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(PropertyEventAppended appended) {
        DomainEvent event = DomainEvents.of(appended.id(), appended.event());
        if (invalidator.handle(event).complete()) {
            bus.markApplied(event);
        }
        relay.wake();
    }
}
