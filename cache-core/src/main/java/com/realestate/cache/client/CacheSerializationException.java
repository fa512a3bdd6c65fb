package com.realestate.cache.client;

/** A value that cannot be written as JSON; nothing was sent to Redis. */
public final class CacheSerializationException extends CacheException {

    public CacheSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
