package com.realestate.cache.spring;

import com.realestate.cache.client.CacheKey;
import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.invalidation.Invalidation;

/**
 * Evictions and clears of one cache that Redis refused, handed to the application's {@link DurableInvalidator}: it
 * retries them in the background, and until they land, reads of what they touch skip the cache, so that an evicted
 * value is never served again once Redis answers. The invalidator works on the manager's client, below which the
 * cache's keys live under {@code <keySegment>:}; its keys and groups are named accordingly.
 */
final class RetriedEvictions {

    private final DurableInvalidator durable;
    private final String segmentPrefix;

    RetriedEvictions(DurableInvalidator durable, String keySegment) {
        this.durable = durable;
        this.segmentPrefix = keySegment + ":";
    }

    /** {@code false} while an eviction of the key, or a clear of its cache, is still to be carried out. */
    boolean mayServe(CacheKey key) {
        return !durable.anyPending() || durable.mayServe(new CacheKey(segmentPrefix + key.key(),
                key.groups().stream().map(group -> segmentPrefix + group).toList()));
    }

    /** An eviction (or a put that did not land) the cache already tried; retried, not tried again now. */
    void evictionRefused(CacheKey key) {
        durable.retryLater(Invalidation.ofKeys(segmentPrefix + key.key()));
    }

    void clearRefused(String group) {
        durable.retryLater(Invalidation.ofGroups(segmentPrefix + group));
    }
}
