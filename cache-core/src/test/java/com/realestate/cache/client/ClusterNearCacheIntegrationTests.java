package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.ClusterNode;
import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisCluster;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.tier.NearCacheSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Near caches of two instances on a Redis Cluster: coherent, and emptied when the stream's master fails over. */
@RedisTest
@DisruptsRedis
class ClusterNearCacheIntegrationTests {

    private static final String PREFIX = "n:";
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    record Listing(String id, long version) {
    }

    private final List<CacheClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(CacheClient::close);
    }

    private CacheClient instance(RedisCluster cluster) {
        CacheClient client = CacheClients.builder().redisUrl(cluster.redisUrl()).keyPrefix(PREFIX)
                .commandTimeout(Duration.ofMillis(300)).meterRegistry(new SimpleMeterRegistry()).build();
        clients.add(client);
        CacheClient near = client.withNearCache(NearCacheSettings.defaults());
        await().atMost(RECOVERY).until(() -> serving(near));
        return near;
    }

    private static boolean serving(CacheClient near) {
        return ((RedisCacheClient) near).nearCacheServing();
    }

    private static long read(CacheClient cache, String key, AtomicLong source) {
        return cache.getOrLoad(key, Listing.class, () -> new Listing(key, source.get()), Duration.ofMinutes(10))
                .orElseThrow().version();
    }

    /** A key whose slot is served by another master than {@code avoided}. */
    private static String keyAwayFrom(RedisCluster cluster, ClusterNode avoided) {
        for (int i = 0; ; i++) {
            String key = "listing:" + i;
            if (!cluster.masterOf(PREFIX + key).equals(avoided)) {
                return key;
            }
        }
    }

    @Test
    void aWriteOnOneInstanceReachesTheOthersNearCacheOnACluster(RedisCluster cluster) {
        CacheClient a = instance(cluster);
        CacheClient b = instance(cluster);
        AtomicLong source = new AtomicLong(1);
        for (ClusterNode master : cluster.masters()) {
            String key = keyOn(cluster, master);
            source.set(1);
            assertThat(read(b, key, source)).isEqualTo(1);
            source.set(2);
            assertThat(a.invalidate(key)).isEqualTo(DeleteOutcome.DELETED);
            await().atMost(RECOVERY).until(() -> read(b, key, source) == 2);
        }
    }

    private static String keyOn(RedisCluster cluster, ClusterNode master) {
        for (int i = 0; ; i++) {
            String key = "listing:" + i;
            if (cluster.masterOf(PREFIX + key).equals(master)) {
                return key;
            }
        }
    }

    /**
     * The stream's master dies, and meanwhile the key changes in Redis without an announcement reaching anyone:
     * the failover empties the near cache, so the value it could not hear about is never served again.
     */
    @Test
    void aFailoverOfTheStreamsMasterEmptiesTheNearCache(RedisCluster cluster) {
        CacheClient reader = instance(cluster);
        CacheClient silentWriter = CacheClients.builder().redisUrl(cluster.redisUrl()).keyPrefix(PREFIX)
                .commandTimeout(Duration.ofMillis(300)).meterRegistry(new SimpleMeterRegistry()).build();
        clients.add(silentWriter);
        ClusterNode streamMaster = cluster.masterOf(PREFIX + NearCacheChannel.STREAM);
        ClusterNode replica = cluster.replicaOf(streamMaster);
        String key = keyAwayFrom(cluster, streamMaster);
        AtomicLong source = new AtomicLong(1);
        assertThat(read(reader, key, source)).isEqualTo(1);
        assertThat(read(reader, key, source)).isEqualTo(1);

        cluster.kill(streamMaster);
        await().atMost(RECOVERY).until(() -> !serving(reader));
        await().atMost(RECOVERY).until(() -> silentWriter.set(key, new Listing(key, 2)) == WriteOutcome.WRITTEN);
        cluster.awaitPromotion(replica);
        await().atMost(RECOVERY).until(() -> serving(reader));

        assertThat(read(reader, key, source)).isEqualTo(2);
    }
}
