package com.realestate.cache.client;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The shared, guarded connection as one cache view sees it: every command is recorded under that view's name. */
record MeteredRedis(GuardedRedis redis, CacheMetrics metrics) {

    /** See {@link GuardedRedis#execute}. */
    <T> T execute(Operation operation, Function<RedisClusterAsyncCommands<String, byte[]>, RedisFuture<T>> command) {
        return redis.execute(metrics, operation, command, (commands, run) -> run.apply(commands));
    }

    /** As {@link #execute(Operation, Function)}, for a command that takes one argument: a hit allocates no lambda. */
    <A, T> T execute(Operation operation, A argument,
                     BiFunction<RedisClusterAsyncCommands<String, byte[]>, A, RedisFuture<T>> command) {
        return redis.execute(metrics, operation, argument, command);
    }

    boolean isAvailable() {
        return redis.isAvailable();
    }
}
