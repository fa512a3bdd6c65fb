package com.realestate.cache.memo;

import java.util.List;

/**
 * Turns a memoized call's arguments into the key part of its cache entry (the memoizer adds its name in front).
 * Two argument lists that may have different results must give different keys.
 */
@FunctionalInterface
public interface MemoKeyBuilder {

    /** The key for {@code arguments}, in call order; a valid cache key (not blank, no control characters). */
    String key(List<?> arguments);
}
