package com.realestate.cache.client;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.resource.ClientResources;
import java.util.concurrent.CompletableFuture;

/**
 * How a {@link RedisConnector} reaches Redis: one server, or a cluster whose commands Lettuce routes by slot. Both
 * hand out the same command interface, so everything above the connector has one code path for both.
 */
sealed interface RedisDeployment permits StandaloneDeployment, ClusterDeployment {

    /** Keys as UTF-8 text, values as the bytes the codec made. */
    RedisCodec<String, byte[]> CODEC = TextKeyCodec.INSTANCE;

    /** The shared connection and its commands: on a cluster, Lettuce's cluster-aware ones. */
    record Link(StatefulConnection<String, byte[]> connection, RedisClusterAsyncCommands<String, byte[]> commands) {
    }

    static RedisDeployment of(CacheSettings settings, ClientResources resources) {
        return settings.clusterMode()
                ? new ClusterDeployment(settings, resources)
                : new StandaloneDeployment(settings, resources);
    }

    /** Starts the shared, auto-reconnecting connection. */
    CompletableFuture<Link> connect();

    /** {@code true} when the shared connection can serve every key: open, and on a cluster every slot has a master. */
    boolean serving(Link link);

    /**
     * A connection of its own, without auto-reconnect, to the node that holds {@code key} (a stream), so that a
     * reader blocking on it notices every drop and every failover.
     *
     * @param link the shared connection, or {@code null} while there is none (a cluster's topology is then unknown)
     * @throws io.lettuce.core.RedisException when the node cannot be reached or is not known
     */
    StatefulRedisConnection<String, String> connectReader(String key, Link link);

    /** A hint that the node of some key did not answer as the topology said; a cluster looks again (rate-limited). */
    void topologyMayHaveChanged();

    /** Closes every connection and client. */
    void shutdown();
}
