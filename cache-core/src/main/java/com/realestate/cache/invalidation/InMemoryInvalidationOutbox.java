package com.realestate.cache.invalidation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link InvalidationOutbox}: pending invalidations live as long as this object. Enough for one
 * process that must not lose an invalidation to a Redis outage; not for one that must survive its own restart.
 */
public final class InMemoryInvalidationOutbox implements InvalidationOutbox {

    private final Map<String, PendingInvalidation> pending = new LinkedHashMap<>();

    @Override
    public synchronized void record(PendingInvalidation invalidation) {
        pending.put(invalidation.id(), invalidation);
    }

    @Override
    public synchronized void done(String id) {
        pending.remove(id);
    }

    @Override
    public synchronized List<PendingInvalidation> pending() {
        return List.copyOf(new ArrayList<>(pending.values()));
    }
}
