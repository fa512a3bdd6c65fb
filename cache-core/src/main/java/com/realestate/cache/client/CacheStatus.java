package com.realestate.cache.client;

/**
 * A snapshot of a client's health, for health endpoints and operators: whether Redis is reachable and what the
 * circuit breaker in front of it is doing.
 *
 * @param available    {@code true} when connected and the breaker is closed
 * @param connected    {@code true} when the shared connection is open; on a cluster, also every slot is served by
 *                     a master that the cluster does not mark as failing (so not during a failover)
 * @param breakerState the breaker's state: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}…
 * @param redisUrl     where Redis is, without the password: the server, or the seeds of a cluster
 * @param keyPrefix    the prefix of this client's or view's keys
 * @param cluster      {@code true} when Redis is a cluster
 */
public record CacheStatus(boolean available, boolean connected, String breakerState, String redisUrl, String keyPrefix,
                          boolean cluster) {
}
