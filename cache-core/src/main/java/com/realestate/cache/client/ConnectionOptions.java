package com.realestate.cache.client;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Lettuce options every connection of a client shares, on one server or a cluster: commands are rejected at
 * once while disconnected instead of queued, the queue is bounded, and Redis has the command timeout to answer
 * (plus the block time of a blocking stream read).
 */
final class ConnectionOptions {

    private static final int REQUEST_QUEUE_SIZE = 10_000;
    /** A backstop: failovers are normally noticed at once through the adaptive triggers. */
    static final Duration PERIODIC_TOPOLOGY_REFRESH = Duration.ofSeconds(10);
    /** Least time between two refreshes that trouble (reconnects, MOVED, an unknown node) asks for. */
    static final Duration ADAPTIVE_REFRESH_INTERVAL = Duration.ofSeconds(1);

    private ConnectionOptions() {
    }

    /** Options of a connection to one server; {@code autoReconnect} off for the connections of stream readers. */
    static ClientOptions standalone(CacheSettings settings, boolean autoReconnect) {
        ClientOptions.Builder builder = ClientOptions.builder();
        common(builder, settings, autoReconnect);
        return builder.build();
    }

    /**
     * Options of the cluster connection: the topology is refreshed periodically and whenever commands meet a
     * changed cluster, and nodes the cluster marks as failing are left out of it, so that a replica promoted in a
     * failover receives its slots' commands and the dead master is no longer dialled.
     */
    static ClusterClientOptions cluster(CacheSettings settings) {
        ClusterClientOptions.Builder builder = ClusterClientOptions.builder();
        common(builder, settings, true);
        return builder
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(PERIODIC_TOPOLOGY_REFRESH)
                        .enableAllAdaptiveRefreshTriggers()
                        .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_INTERVAL)
                        .build())
                .nodeFilter(ConnectionOptions::notFailing)
                .build();
    }

    static boolean notFailing(RedisClusterNode node) {
        return !(node.is(NodeFlag.FAIL) || node.is(NodeFlag.EVENTUAL_FAIL) || node.is(NodeFlag.NOADDR));
    }

    private static void common(ClientOptions.Builder builder, CacheSettings settings, boolean autoReconnect) {
        builder.autoReconnect(autoReconnect)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .timeoutOptions(TimeoutOptions.builder().timeoutSource(new CommandTimeouts(settings.commandTimeout())).build())
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(settings.connectTimeout())
                        .keepAlive(true)
                        .tcpNoDelay(true)
                        .build());
    }

    /** How long Redis has to answer: the command timeout, plus the block time of a blocking stream read. */
    private static final class CommandTimeouts extends TimeoutOptions.TimeoutSource {

        private final long commandMillis;

        CommandTimeouts(Duration commandTimeout) {
            this.commandMillis = commandTimeout.toMillis();
        }

        @Override
        public long getTimeout(RedisCommand<?, ?, ?> command) {
            return command.getType() == CommandType.XREAD
                    ? commandMillis + RedisConnector.STREAM_BLOCK.toMillis() : commandMillis;
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.MILLISECONDS;
        }
    }
}
