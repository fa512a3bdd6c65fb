package com.realestate.cache.invalidation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A {@link CacheInvalidator} that remembers what it was asked and fails the names it is told to. */
final class RecordingInvalidator implements CacheInvalidator {

    final List<Invalidation> calls = new ArrayList<>();
    private final Set<String> failing;

    RecordingInvalidator(String... failing) {
        this.failing = Set.of(failing);
    }

    @Override
    public InvalidationReport invalidate(Invalidation invalidation) {
        calls.add(invalidation);
        Invalidation failed = Invalidation.of(
                invalidation.keys().stream().filter(failing::contains).toList(),
                invalidation.groups().stream().filter(failing::contains).toList());
        return new InvalidationReport(invalidation.without(failed), failed, 0);
    }

    Invalidation all() {
        return calls.stream().reduce(Invalidation.nothing(), Invalidation::and);
    }
}
