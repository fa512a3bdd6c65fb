package com.realestate.cache.client;

/** A running {@link EventStream#subscribe subscription}; closing it stops delivery and frees its connection. */
public interface Subscription extends AutoCloseable {

    /** The id of the last entry handed to the listener ({@code 0-0} before the first). */
    String lastDeliveredId();

    /** {@code true} while the subscription is reading from Redis. */
    boolean connected();

    @Override
    void close();
}
