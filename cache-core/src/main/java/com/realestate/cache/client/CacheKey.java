package com.realestate.cache.client;

import java.util.List;
import java.util.Objects;

/**
 * A cache key with the groups it belongs to. A group (for example "all list results of tenant 7") is
 * invalidated in O(1) by {@link CacheClient#invalidateGroup}, however many keys it has: each group has a
 * generation token in Redis, entries remember the tokens they were loaded under, and an entry whose tokens are
 * no longer current is never served again (it ages out by its TTL). In Redis Cluster a key and its groups must
 * share a hash tag, so that one script can read them together.
 *
 * @param key    the caller's key, validated like any other key
 * @param groups the names of the groups, at most {@value #MAX_GROUPS}
 */
public record CacheKey(String key, List<String> groups) {

    public static final int MAX_GROUPS = 4;

    public CacheKey {
        Objects.requireNonNull(groups, "groups");
        groups = List.copyOf(groups);
        if (groups.size() > MAX_GROUPS) {
            throw new InvalidKeyException("a key belongs to at most " + MAX_GROUPS + " groups, was " + groups.size());
        }
    }

    /** A key in no group. */
    public static CacheKey of(String key) {
        return new CacheKey(key, List.of());
    }

    /** A key in the given groups. */
    public static CacheKey of(String key, String... groups) {
        return new CacheKey(key, List.of(groups));
    }
}
