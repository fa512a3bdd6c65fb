package com.realestate.cache.client;

/** A key or pattern that could reach outside our namespace or break Redis tooling is refused before any command is sent. */
public final class InvalidKeyException extends CacheException {

    public InvalidKeyException(String message) {
        super(message);
    }
}
