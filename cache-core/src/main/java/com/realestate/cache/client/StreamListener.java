package com.realestate.cache.client;

/** Receives the entries of an {@link EventStream} and learns when it may have missed some. */
public interface StreamListener {

    /** One entry; may be delivered again after a reconnect, so handling must be idempotent. */
    void onEvent(String id, String payload);

    /**
     * Entries after {@code lastDeliveredId} may be lost for good: they were trimmed before they could be delivered,
     * or Redis no longer has them (restarted without persistence, or failed over to a replica that lacked them).
     */
    default void onGap(String lastDeliveredId) {
    }

    /** The subscription lost Redis; entries published meanwhile arrive after {@link #onResume}. */
    default void onDisconnect() {
    }

    /** The subscription reached Redis again; the entries published while it was away follow. */
    default void onResume(String lastDeliveredId) {
    }

    /**
     * Every entry published before the last read was sent has been delivered. Called after each read that came
     * back short of a full batch, at least once per block interval while connected: a heartbeat that proves the
     * subscription still hears the stream.
     */
    default void onCaughtUp() {
    }
}
