package com.realestate.cache.client;

/**
 * Root of every exception this library throws on purpose, so callers can catch one type.
 * Redis outages are never thrown: they surface as misses and {@link WriteOutcome#FAILED} results.
 */
public class CacheException extends RuntimeException {

    public CacheException(String message) {
        super(message);
    }

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
