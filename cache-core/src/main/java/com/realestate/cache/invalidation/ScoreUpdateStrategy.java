package com.realestate.cache.invalidation;

import java.util.Set;

/** {@code score.calculated} and {@code score.updated}: the property's cached score, and nothing else. */
public final class ScoreUpdateStrategy implements InvalidationStrategy {

    private static final Set<String> TYPES = Set.of("score.calculated", "score.updated");

    @Override
    public boolean handles(String eventType) {
        return TYPES.contains(eventType);
    }

    @Override
    public InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator) {
        return invalidator.invalidatePropertyScore(event.tenant(), event.property());
    }

    @Override
    public String toString() {
        return "ScoreUpdateStrategy" + TYPES;
    }
}
