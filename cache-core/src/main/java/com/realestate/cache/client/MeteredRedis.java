package com.realestate.cache.client;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.function.Function;

/** The shared, guarded connection as one cache view sees it: every command is recorded under that view's name. */
record MeteredRedis(GuardedRedis redis, CacheMetrics metrics) {

    /** See {@link GuardedRedis#execute}. */
    <T> T execute(Operation operation, Function<RedisClusterAsyncCommands<String, byte[]>, RedisFuture<T>> command) {
        return redis.execute(metrics, operation, command);
    }

    boolean isAvailable() {
        return redis.isAvailable();
    }
}
