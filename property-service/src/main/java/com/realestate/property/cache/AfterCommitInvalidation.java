package com.realestate.property.cache;

import com.realestate.property.events.PropertyEventAppended;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Applies a write's events to the reads' cache as soon as its transaction commits, before the response leaves, so
 * that a client reads its own write at once, whichever provider caches.
 */
@Component
class AfterCommitInvalidation {

    private final PropertyViewCache cache;

    AfterCommitInvalidation(PropertyViewCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(PropertyEventAppended appended) {
        cache.committed(DomainEvents.of(appended.id(), appended.event()));
    }
}
