package com.realestate.cache.client;

/**
 * The result of a pattern delete or flush: how many keys were unlinked, and whether the scan reached the end.
 * An incomplete result means some matching keys may remain (Redis became unreachable part way).
 *
 * @param deleted  keys unlinked
 * @param complete {@code true} when every matching key was visited
 */
public record BulkDeleteResult(long deleted, boolean complete) {

    public BulkDeleteResult {
        if (deleted < 0) {
            throw new IllegalArgumentException("deleted must be >= 0, was " + deleted);
        }
    }
}
