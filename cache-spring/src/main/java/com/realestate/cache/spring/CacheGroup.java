package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheKey;

/**
 * The keys of one Spring cache as its {@link RealEstateCache} hands them to the client: every key belongs to the
 * cache's own group, so that clearing the cache is a single {@link CacheClient#invalidateGroup} whatever its size,
 * fenced against loads still in flight.
 *
 * <p>In Redis Cluster a grouped key's scripts read the key and its group's generation token together, so both must
 * hash to one slot, and Spring keys carry no hash tag of their own. Every key and the group therefore start with
 * the tag {@code {<keySegment>}}: a key {@code 42} of cache {@code listings} is stored as
 * {@code <prefix>listings:{listings}42}. A whole Spring cache thus lives in one slot, which suits many modest caches;
 * a cache too big for one node would need a finer tag. Segments hold no braces (the manager refuses them), so the
 * tag is always this one.
 */
final class CacheGroup {

    /** The group's name below the hash tag: every key of the cache is in it. */
    static final String GROUP = "~cache";

    private final String hashTag;
    private final String group;

    /** The keys of the cache stored under {@code keySegment}. */
    CacheGroup(String keySegment) {
        this.hashTag = "{" + keySegment + "}";
        this.group = hashTag + GROUP;
    }

    /** The group every key of the cache belongs to, for {@link CacheClient#invalidateGroup}. */
    String group() {
        return group;
    }

    /** The client key of a Spring cache key: its {@linkplain CacheKeys encoding} under the tag, in the group. */
    CacheKey key(Object springKey) {
        return CacheKey.of(hashTag + CacheKeys.toKey(springKey), group);
    }
}
