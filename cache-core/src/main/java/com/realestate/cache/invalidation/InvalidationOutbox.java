package com.realestate.cache.invalidation;

import java.util.List;

/**
 * Where a {@link DurableInvalidator} keeps the invalidations Redis has not carried out yet, so that they outlive
 * the process. The default is {@link InMemoryInvalidationOutbox}; a service backs it with its database (a
 * transactional outbox) and a restarted process picks up {@link #pending()} when its invalidator is built.
 *
 * <p>Implementations must be thread-safe. An exception they throw is logged and does not fail the
 * invalidation: the pending invalidation is still retried by the running process.
 */
public interface InvalidationOutbox {

    /** Stores {@code pending}, replacing a stored one with the same id (what is left of it has shrunk). */
    void record(PendingInvalidation pending);

    /** Forgets the pending invalidation {@code id}: it has been carried out. Unknown ids are ignored. */
    void done(String id);

    /** Every pending invalidation, oldest first. */
    List<PendingInvalidation> pending();
}
