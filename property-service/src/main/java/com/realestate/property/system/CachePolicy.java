package com.realestate.property.system;

import org.springframework.http.CacheControl;

/**
 * The {@code Cache-Control} of the API's reads: a client may keep a response but must revalidate it with its
 * ETag before each use, and shared caches must not keep it, because every response is one tenant's data.
 */
public final class CachePolicy {

    private CachePolicy() {
    }

    /** {@code Cache-Control: no-cache, private}. */
    public static CacheControl revalidatePrivately() {
        return CacheControl.noCache().cachePrivate();
    }
}
