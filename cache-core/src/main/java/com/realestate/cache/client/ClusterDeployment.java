package com.realestate.cache.client;

import com.realestate.cache.key.ClusterSlots;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Redis Cluster reached through its seed nodes. Lettuce routes each command to the master of its key's slot,
 * splits multi-key deletes by slot and runs SCAN on every master; the topology is refreshed periodically and on
 * trouble (see {@link ConnectionOptions#cluster}). A stream reader connects straight to the master of its
 * stream's slot, looked up in the current topology, so that a failover drops its connection and it resumes on
 * the promoted replica.
 */
final class ClusterDeployment implements RedisDeployment {

    private static final long HINT_INTERVAL_NANOS = ConnectionOptions.ADAPTIVE_REFRESH_INTERVAL.toNanos();

    private final CacheSettings settings;
    private final RedisClusterClient client;
    private final RedisClient readers;
    private final AtomicLong nextHintedRefresh = new AtomicLong(System.nanoTime());

    ClusterDeployment(CacheSettings settings, ClientResources resources) {
        this.settings = settings;
        this.client = RedisClusterClient.create(resources, settings.redisUris());
        this.client.setOptions(ConnectionOptions.cluster(settings));
        this.readers = RedisClient.create(resources);
        this.readers.setOptions(ConnectionOptions.standalone(settings, false));
    }

    /** Loads the topology from the seeds first (Lettuce connects only with a known topology), then connects. */
    @Override
    public CompletableFuture<Link> connect() {
        return client.refreshPartitionsAsync().toCompletableFuture()
                .thenCompose(loaded -> client.connectAsync(CODEC))
                .thenApply(connection -> new Link(connection, connection.async()));
    }

    /** Open, and every slot is served by a master the cluster does not mark as failing. */
    @Override
    public boolean serving(Link link) {
        if (!link.connection().isOpen()) {
            return false;
        }
        long served = 0;
        for (RedisClusterNode node : partitions(link)) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && ConnectionOptions.notFailing(node)) {
                served += node.getSlots().size();
            }
        }
        return served == ClusterSlots.SLOT_COUNT;
    }

    @Override
    public StatefulRedisConnection<String, String> connectReader(String key, Link link) {
        if (link == null) {
            throw new RedisConnectionException("the topology of the cluster is not known yet");
        }
        int slot = ClusterSlots.slot(key);
        RedisClusterNode master = partitions(link).getMasterBySlot(slot);
        if (master == null) {
            topologyMayHaveChanged();
            throw new RedisConnectionException("no master serves slot " + slot + " of '" + key + "'");
        }
        RedisURI seed = settings.redisUri();
        RedisURI node = RedisURI.builder(seed).withHost(master.getUri().getHost()).withPort(master.getUri().getPort())
                .build();
        try {
            return readers.connect(StringCodec.UTF8, node);
        } catch (RedisException e) {
            topologyMayHaveChanged();
            throw e;
        }
    }

    @Override
    public void topologyMayHaveChanged() {
        long now = System.nanoTime();
        long due = nextHintedRefresh.get();
        if (now - due >= 0 && nextHintedRefresh.compareAndSet(due, now + HINT_INTERVAL_NANOS)) {
            try {
                client.refreshPartitionsAsync();
            } catch (RuntimeException e) {
                // No topology yet, or the client is closing: the next connection attempt loads it.
            }
        }
    }

    private static Partitions partitions(Link link) {
        return ((StatefulRedisClusterConnection<?, ?>) link.connection()).getPartitions();
    }

    @Override
    public void shutdown() {
        readers.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
