package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.key.ClusterSlots;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.ClusterNode;
import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisCluster;
import com.realestate.cache.test.RedisTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A master of the cluster killed under running clients: its replica takes over and nothing reaches the callers. */
@RedisTest
@DisruptsRedis
class ClusterFailoverIntegrationTests {

    private static final String PREFIX = "f:";
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private final List<CacheClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(CacheClient::close);
    }

    private CacheClient client(RedisCluster cluster) {
        CacheClient client = CacheClients.builder().redisUrl(cluster.redisUrl()).keyPrefix(PREFIX)
                .commandTimeout(Duration.ofMillis(300)).meterRegistry(new SimpleMeterRegistry()).build();
        clients.add(client);
        return client;
    }

    /** Detail keys of tenants spread over every master. */
    private static List<CacheKey> keysOnEveryMaster(RedisCluster cluster) {
        List<CacheKey> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(PropertyKeys.detailKey(new TenantId("tenant-" + i), new PropertyId("1")));
        }
        assertThat(keys.stream().map(key -> cluster.masterOfSlot(ClusterSlots.slot(PREFIX + key.key()))).distinct())
                .hasSize(RedisCluster.MASTERS);
        return keys;
    }

    @Test
    void callersOfAKilledMasterGetAnswersFromTheLoaderUntilItsReplicaTakesOverAndCachingResumes(RedisCluster cluster)
            throws Exception {
        CacheClient cache = client(cluster);
        List<CacheKey> keys = keysOnEveryMaster(cluster);
        CacheKey victimKey = keys.get(0);
        keys.forEach(key -> cache.getOrLoad(key, String.class, () -> "value of " + key.key(), TTL));
        ClusterNode master = cluster.masterOfSlot(ClusterSlots.slot(PREFIX + victimKey.key()));
        ClusterNode replica = cluster.replicaOf(master);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean outage = new AtomicBoolean(false);
        AtomicInteger answersDuringOutage = new AtomicInteger();
        AtomicInteger loadsDuringOutage = new AtomicInteger();
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        List<String> wrong = new CopyOnWriteArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int worker = 0; worker < 2; worker++) {
            callers.execute(() -> {
                while (running.get() && System.nanoTime() < deadline) {
                    for (CacheKey key : keys) {
                        try {
                            String expected = "value of " + key.key();
                            String answer = cache.getOrLoad(key, String.class, () -> {
                                if (outage.get()) {
                                    loadsDuringOutage.incrementAndGet();
                                }
                                return expected;
                            }, TTL).orElse(null);
                            if (!expected.equals(answer)) {
                                wrong.add(key.key() + " -> " + answer);
                            } else if (outage.get()) {
                                answersDuringOutage.incrementAndGet();
                            }
                        } catch (Throwable e) {
                            thrown.add(e);
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    }
                }
            });
        }

        outage.set(true);
        cluster.kill(master);
        cluster.awaitPromotion(replica);
        outage.set(false);
        await().atMost(RECOVERY).untilAsserted(() -> {
            assertThat(cache.set("probe", "after failover")).isEqualTo(WriteOutcome.WRITTEN);
            assertThat(cache.get(victimKey, String.class)).contains("value of " + victimKey.key());
        });
        running.set(false);
        callers.shutdown();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(thrown).isEmpty();
        assertThat(wrong).isEmpty();
        assertThat(answersDuringOutage).hasPositiveValue();
        assertThat(loadsDuringOutage).as("misses fell through to the loader").hasPositiveValue();
        assertThat(cluster.masterOfSlot(ClusterSlots.slot(PREFIX + victimKey.key()))).isEqualTo(replica);
        await().atMost(RECOVERY).until(() -> cache.status().available());
    }

    @Test
    void aStreamReaderSeesTheFailoverOfItsMasterAsADisconnectAndAResumeAndMissesNothing(RedisCluster cluster) {
        EventStream publisher = client(cluster).eventStream("events");
        RecordingStreamListener recorder = new RecordingStreamListener();
        Subscription subscription = client(cluster).eventStream("events").subscribe("$", recorder);
        await().atMost(RECOVERY).until(subscription::connected);
        assertThat(publisher.publish("e1")).isPresent();
        await().atMost(RECOVERY).until(() -> recorder.payloads.contains("e1"));
        ClusterNode master = cluster.masterOf(PREFIX + "events");
        cluster.awaitReplication(master);
        ClusterNode replica = cluster.replicaOf(master);

        cluster.kill(master);
        cluster.awaitPromotion(replica);
        await().atMost(RECOVERY).until(() -> publisher.publish("e2").isPresent());

        await().atMost(RECOVERY).until(() -> recorder.payloads.contains("e2"));
        assertThat(recorder.payloads.get(0)).isEqualTo("e1");
        assertThat(recorder.disconnects).hasPositiveValue();
        assertThat(recorder.resumes).hasPositiveValue();
        assertThat(recorder.gaps).isEmpty();
    }

    @Test
    void aReplicaPromotedWithoutTheNewestEntriesIsReportedAsAGapAndReadingGoesOn(RedisCluster cluster) {
        EventStream publisher = client(cluster).eventStream("events");
        RecordingStreamListener recorder = new RecordingStreamListener();
        Subscription subscription = client(cluster).eventStream("events").subscribe("$", recorder);
        await().atMost(RECOVERY).until(subscription::connected);
        ClusterNode master = cluster.masterOf(PREFIX + "events");
        ClusterNode replica = cluster.replicaOf(master);
        assertThat(publisher.publish("e1")).isPresent();
        cluster.awaitReplication(master);

        cluster.pause(replica);
        master.command("CLIENT", "KILL", "TYPE", "replica");
        assertThat(publisher.publish("e2")).isPresent();
        assertThat(publisher.publish("e3")).isPresent();
        await().atMost(RECOVERY).until(() -> recorder.payloads.contains("e3"));
        String lastSeen = subscription.lastDeliveredId();
        cluster.kill(master);
        cluster.resume(replica);
        cluster.awaitPromotion(replica);

        await().atMost(RECOVERY).until(() -> recorder.gaps.size() == 1);
        assertThat(recorder.gaps).containsExactly(lastSeen);
        await().atMost(RECOVERY).until(() -> publisher.publish("e4").isPresent());
        await().atMost(RECOVERY).until(() -> recorder.payloads.contains("e4"));
        assertThat(recorder.disconnects).hasPositiveValue();
    }
}
