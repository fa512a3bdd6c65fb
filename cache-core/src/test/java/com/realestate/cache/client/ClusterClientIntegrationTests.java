package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client operation against a three-master Redis Cluster, one cluster for the class, flushed before each test. */
@RedisTest
@DisruptsRedis
class ClusterClientIntegrationTests {

    private static final String PREFIX = "c:";
    private static final Duration TTL = Duration.ofMinutes(10);
    private static RedisCluster cluster;

    private final AtomicInteger loads = new AtomicInteger();
    private final List<CacheClient> clients = new ArrayList<>();
    private CacheClient cache;

    record Listing(String id, String city) {
    }

    @BeforeAll
    static void startCluster(RedisCluster started) {
        cluster = started;
    }

    @BeforeEach
    void connect() {
        cluster.flushAll();
        cache = client(PREFIX);
    }

    @AfterEach
    void close() {
        clients.forEach(CacheClient::close);
    }

    private CacheClient client(String prefix) {
        CacheClient client = CacheClients.builder().redisUrl(cluster.redisUrl()).keyPrefix(prefix)
                .meterRegistry(new SimpleMeterRegistry()).build();
        clients.add(client);
        return client;
    }

    private <T> T load(T value) {
        loads.incrementAndGet();
        return value;
    }

    /** {@code count} keys {@code <stem><i>} that lie on every master, by the slot the client computes. */
    private static List<String> keysOnEveryMaster(String stem, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(stem + i);
        }
        Set<ClusterNode> masters = keys.stream()
                .map(key -> cluster.masterOfSlot(ClusterSlots.slot(PREFIX + key))).collect(Collectors.toSet());
        assertThat(masters).as("the keys' masters").hasSize(RedisCluster.MASTERS);
        return keys;
    }

    @Test
    void theClientComputesTheSlotsTheClusterDoes() {
        for (String key : List.of("c:property:1", "c:t:{acme}:property:42:detail", "c:t:{acme}:all\u001Fgeneration")) {
            assertThat(ClusterSlots.slot(key)).as(key).isEqualTo(cluster.slotOf(key));
        }
    }

    @Test
    void plainOperationsWorkOnKeysOfEveryMaster() {
        for (String key : keysOnEveryMaster("property:", 12)) {
            assertThat(cache.set(key, new Listing(key, "Porto"))).isEqualTo(WriteOutcome.WRITTEN);
            assertThat(cache.get(key, Listing.class)).contains(new Listing(key, "Porto"));
            assertThat(cache.exists(key)).isTrue();
            assertThat(cache.ttl(key)).isInstanceOf(KeyTtl.Expiring.class);
            assertThat(cache.delete(key)).isEqualTo(DeleteOutcome.DELETED);
            assertThat(cache.get(key, Listing.class)).isEmpty();
            assertThat(cache.exists(key)).isFalse();
            assertThat(cache.ttl(key)).isInstanceOf(KeyTtl.Missing.class);
        }
        for (String counter : keysOnEveryMaster("views:", 12)) {
            assertThat(cache.incr(counter, 2)).hasValue(2);
            assertThat(cache.incr(counter, 3)).hasValue(5);
        }
    }

    @Test
    void getOrLoadLoadsOnceAndServesGroupedKeysOfEveryTenant() {
        Map<TenantId, CacheKey> keys = tenantsOnEveryMaster();

        for (int round = 0; round < 3; round++) {
            keys.forEach((tenant, key) -> assertThat(cache.getOrLoad(key, Listing.class,
                    () -> load(new Listing(tenant.value(), "Porto")), TTL)).contains(new Listing(tenant.value(), "Porto")));
        }

        assertThat(loads).hasValue(keys.size());
        keys.forEach((tenant, key) -> assertThat(cache.get(key, Listing.class)).isPresent());
    }

    @Test
    void invalidateAndInvalidateGroupReachTheMasterOfTheirKeys() {
        Map<TenantId, CacheKey> keys = tenantsOnEveryMaster();
        keys.forEach((tenant, key) -> cache.getOrLoad(key, String.class, () -> load("v1"), TTL));

        keys.forEach((tenant, key) -> {
            assertThat(cache.invalidate(key)).isEqualTo(DeleteOutcome.DELETED);
            assertThat(cache.get(key, String.class)).isEmpty();
            cache.getOrLoad(key, String.class, () -> load("v2"), TTL);
            assertThat(cache.invalidateGroup(PropertyKeys.tenantGroup(tenant))).isEqualTo(WriteOutcome.WRITTEN);
            assertThat(cache.get(key, String.class)).isEmpty();
        });

        assertThat(loads).hasValue(keys.size() * 2);
    }

    @Test
    void writeThroughStoresOnTheMasterOfTheKey() {
        Map<TenantId, CacheKey> keys = tenantsOnEveryMaster();
        List<String> source = new CopyOnWriteArrayList<>();

        keys.forEach((tenant, key) -> assertThat(cache.writeThrough(key, "written " + tenant.value(), source::add, TTL))
                .isEqualTo(WriteOutcome.WRITTEN));

        assertThat(source).hasSize(keys.size());
        keys.forEach((tenant, key) -> assertThat(cache.get(key, String.class)).contains("written " + tenant.value()));
    }

    @Test
    void aGroupInAnotherSlotThanItsKeyIsRefusedBeforeAnythingIsSent() {
        CacheKey split = CacheKey.of("t:{acme}:property:1", "t:{globex}:all");
        assertThat(ClusterSlots.slot(PREFIX + "t:{acme}")).isNotEqualTo(ClusterSlots.slot(PREFIX + "t:{globex}"));

        assertThatThrownBy(() -> cache.getOrLoad(split, String.class, () -> load("v"), TTL))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("t:{globex}:all").hasMessageContaining("slot");
        assertThatThrownBy(() -> cache.writeThrough(split, "v", value -> load(value), TTL))
                .isInstanceOf(InvalidKeyException.class);

        assertThat(loads).hasValue(0);
        assertThat(keysInCluster()).isZero();
    }

    @Test
    void patternDeleteRemovesMatchingKeysFromEveryMasterAndNothingElse() {
        List<String> properties = keysOnEveryMaster("property:", 30);
        properties.forEach(key -> cache.set(key, "v"));
        List<String> others = keysOnEveryMaster("score:", 30);
        others.forEach(key -> cache.set(key, "v"));
        CacheClient neighbour = client("other:");
        neighbour.set("property:1", "theirs");

        BulkDeleteResult result = cache.deletePattern("property:*");

        assertThat(result).isEqualTo(new BulkDeleteResult(properties.size(), true));
        properties.forEach(key -> assertThat(cache.exists(key)).as(key).isFalse());
        others.forEach(key -> assertThat(cache.exists(key)).as(key).isTrue());
        assertThat(neighbour.get("property:1", String.class)).contains("theirs");
    }

    @Test
    void flushEmptiesThePrefixOnEveryMasterAndLeavesOtherPrefixes() {
        List<String> keys = keysOnEveryMaster("property:", 30);
        keys.forEach(key -> cache.set(key, "v"));
        tenantsOnEveryMaster().forEach((tenant, key) -> cache.getOrLoad(key, String.class, () -> "v", TTL));
        CacheClient neighbour = client("other:");
        neighbour.set("property:1", "theirs");

        BulkDeleteResult result = cache.flush();

        assertThat(result.complete()).isTrue();
        assertThat(result.deleted()).isGreaterThanOrEqualTo(keys.size());
        assertThat(keysInCluster()).isEqualTo(1);
        assertThat(neighbour.get("property:1", String.class)).contains("theirs");
    }

    @Test
    void anEventStreamDeliversEveryEntryToEverySubscriber() {
        EventStream publisher = cache.eventStream("events");
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        Subscription one = client(PREFIX).eventStream("events").subscribe("$", (id, payload) -> first.add(payload));
        Subscription two = client(PREFIX).eventStream("events").subscribe("$", (id, payload) -> second.add(payload));
        await().atMost(Duration.ofSeconds(10)).until(() -> one.connected() && two.connected());

        for (int i = 0; i < 20; i++) {
            assertThat(publisher.publish("event " + i)).isPresent();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 20 && second.size() == 20);
        assertThat(first).startsWith("event 0").endsWith("event 19").isEqualTo(second);
    }

    @Test
    void statusReportsAConnectedClusterByItsSeeds() {
        CacheStatus status = cache.status();

        assertThat(status.cluster()).isTrue();
        assertThat(status.connected()).isTrue();
        assertThat(status.available()).isTrue();
        assertThat(status.redisUrl()).isEqualTo(cluster.redisUrl());
        assertThat(cache.isAvailable()).isTrue();
    }

    @Test
    void aSingleSeedWithTheClusterSwitchReachesEveryMaster() {
        try (CacheClient single = CacheClients.builder().redisUrl(cluster.seedUris().get(0)).cluster(true)
                .keyPrefix(PREFIX).meterRegistry(new SimpleMeterRegistry()).build()) {
            for (String key : keysOnEveryMaster("property:", 12)) {
                assertThat(single.set(key, "v")).isEqualTo(WriteOutcome.WRITTEN);
                assertThat(cache.get(key, String.class)).contains("v");
            }
            assertThat(single.status().cluster()).isTrue();
        }
    }

    /** A detail key of one tenant per master, each with its tenant group (same hash tag). */
    private static Map<TenantId, CacheKey> tenantsOnEveryMaster() {
        Map<ClusterNode, TenantId> byMaster = new LinkedHashMap<>();
        for (int i = 0; byMaster.size() < RedisCluster.MASTERS; i++) {
            TenantId tenant = new TenantId("tenant-" + i);
            byMaster.putIfAbsent(cluster.masterOfSlot(ClusterSlots.slot(PREFIX + PropertyKeys.hashTag(tenant))), tenant);
        }
        Map<TenantId, CacheKey> keys = new LinkedHashMap<>();
        byMaster.values().forEach(tenant -> keys.put(tenant, PropertyKeys.detailKey(tenant, new PropertyId("42"))));
        return keys;
    }

    private static long keysInCluster() {
        return cluster.masters().stream().mapToLong(master -> Long.parseLong(master.command("DBSIZE"))).sum();
    }
}
