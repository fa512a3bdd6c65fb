package com.realestate.cache.client;

import java.util.Optional;

/**
 * An append-only log in Redis (a Redis Stream) that every instance reads in full: the transport for events that
 * each instance must hear, such as cache invalidations. Publishing never blocks on an unavailable Redis; readers
 * resume after the last entry they were given when they reconnect, so nothing published while they were away
 * is missed unless the stream was trimmed past it, which they are told.
 */
public interface EventStream extends AutoCloseable {

    /** Entries kept before the oldest are trimmed (approximately). */
    long MAX_LENGTH = 100_000;

    /** Appends {@code payload}; the entry id, or empty when Redis could not take it (the caller retries). */
    Optional<String> publish(String payload);

    /**
     * Delivers, in order and on a thread of its own, every entry after {@code afterId} ({@code "$"}: only entries
     * published from now on). Delivery is at least once: after a reconnect an entry may be given again.
     */
    Subscription subscribe(String afterId, StreamListener listener);

    /** Stops every subscription of this stream. */
    @Override
    void close();
}
