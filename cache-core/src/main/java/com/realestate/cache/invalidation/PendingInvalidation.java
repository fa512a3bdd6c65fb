package com.realestate.cache.invalidation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invalidation that Redis has not carried out yet, as kept by an {@link InvalidationOutbox} until it is.
 *
 * @param id           unique id, the outbox's key
 * @param invalidation what is still to be done; never empty
 * @param recordedAt   when it was first recorded
 */
public record PendingInvalidation(String id, Invalidation invalidation, Instant recordedAt) {

    /** Validates the parts. */
    public PendingInvalidation {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be null or blank");
        }
        Objects.requireNonNull(invalidation, "invalidation");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (invalidation.isEmpty()) {
            throw new IllegalArgumentException("a pending invalidation must have something left to do");
        }
    }

    /** A new pending invalidation with a random id. */
    public static PendingInvalidation of(Invalidation invalidation, Instant recordedAt) {
        return new PendingInvalidation(UUID.randomUUID().toString(), invalidation, recordedAt);
    }

    /** The same pending invalidation with less left to do. */
    public PendingInvalidation withInvalidation(Invalidation remaining) {
        return new PendingInvalidation(id, remaining, recordedAt);
    }
}
