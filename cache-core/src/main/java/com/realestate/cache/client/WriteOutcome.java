package com.realestate.cache.client;

/**
 * What became of a write. A write that Redis did not confirm is {@link #FAILED}, never reported as done,
 * so that callers who must not lose an invalidation can retry it.
 */
public enum WriteOutcome {
    /** Redis confirmed the write. */
    WRITTEN,
    /** Redis was unreachable, too slow or the breaker was open: the write may not have happened. */
    FAILED;

    /** {@code true} when Redis confirmed the write. */
    public boolean done() {
        return this == WRITTEN;
    }
}
