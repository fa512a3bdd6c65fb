package com.realestate.property.cache;

import com.realestate.cache.invalidation.CacheInvalidator;
import com.realestate.cache.invalidation.DomainEvent;
import com.realestate.cache.invalidation.InvalidationReport;
import com.realestate.cache.invalidation.InvalidationStrategy;

/**
 * {@code score.calculated} in this service: the score was computed on a cache miss and is being cached right
 * now, so the score must not be invalidated (that would undo the fill and recompute on every read); only the
 * timeline, which lists the calculation, has changed.
 */
final class ScoreRecordedStrategy implements InvalidationStrategy {

    @Override
    public boolean handles(String eventType) {
        return "score.calculated".equals(eventType);
    }

    @Override
    public InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator) {
        return invalidator.invalidateTimeline(event.tenant(), event.property());
    }

    @Override
    public String toString() {
        return "ScoreRecordedStrategy[score.calculated -> timeline]";
    }
}
