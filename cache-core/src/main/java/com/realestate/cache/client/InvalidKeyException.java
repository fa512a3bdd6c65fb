package com.realestate.cache.client;

/**
 * A key or pattern that could reach outside our namespace or break Redis tooling, or a grouped key whose groups would
 * live in another cluster slot than the key, is refused before any command is sent.
 */
public final class InvalidKeyException extends CacheException {

    public InvalidKeyException(String message) {
        super(message);
    }
}
