package com.realestate.cache.client;

/** Settings that cannot work (a malformed {@code REDIS_URL}, a negative TTL…), reported at construction with the bad value named. */
public final class CacheConfigurationException extends CacheException {

    public CacheConfigurationException(String message) {
        super(message);
    }

    public CacheConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
