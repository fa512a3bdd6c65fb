package com.realestate.property.invalidation;

import java.util.Objects;

/**
 * What a {@link CacheInvalidationPort} did with a request.
 *
 * @param performed whether the cache was actually touched
 * @param detail    a short account for the client, such as why nothing was done
 */
public record InvalidationResult(boolean performed, String detail) {

    /** Validates that the account is present. */
    public InvalidationResult {
        Objects.requireNonNull(detail, "detail");
    }
}
