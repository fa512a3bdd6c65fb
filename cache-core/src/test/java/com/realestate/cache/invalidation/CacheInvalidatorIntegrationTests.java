package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.key.ListQuery;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The invalidator against real Redis: what it reports gone is gone, and nothing else is. */
@RedisTest
class CacheInvalidatorIntegrationTests {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final PropertyId P1 = new PropertyId("1");
    private static final PropertyId P2 = new PropertyId("2");
    private static final ListQuery PAGE_1 = ListQuery.builder().build();
    private static final ListQuery PORTO = ListQuery.builder().city("Porto").page(2).build();
    /** Ids chosen to widen a pattern, fake a separator or a hash tag, as in PropertyKeysTests. */
    private static final List<String> ADVERSARIAL = List.of("*", "a*", "a", "ab", "{a}", "a}b", "a:b", "?", "[ab]",
            "%2A", "a}:property:b");

    private final TestRedis redis;
    private CacheClient cache;
    private CacheInvalidator invalidator;

    CacheInvalidatorIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

    @BeforeEach
    void connect() {
        cache = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(new SimpleMeterRegistry()).build();
        invalidator = CacheInvalidator.of(cache);
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private static List<CacheKey> keysOf(TenantId tenant, PropertyId... properties) {
        List<CacheKey> keys = new ArrayList<>();
        for (PropertyId property : properties) {
            keys.add(PropertyKeys.detailKey(tenant, property));
            keys.add(PropertyKeys.scoreKey(tenant, property));
            keys.add(PropertyKeys.timelineKey(tenant, property));
        }
        keys.add(PropertyKeys.listKey(tenant, PAGE_1));
        keys.add(PropertyKeys.listKey(tenant, PORTO));
        return keys;
    }

    private void cacheAll(List<CacheKey> keys) {
        for (CacheKey key : keys) {
            cache.getOrLoad(key, String.class, () -> "value of " + key.key(), TTL);
            assertThat(cached(key)).as(key.key()).isTrue();
        }
    }

    private boolean cached(CacheKey key) {
        return cache.get(key, String.class).isPresent();
    }

    private List<CacheKey> cachedOf(List<CacheKey> keys) {
        return keys.stream().filter(this::cached).toList();
    }

    @Test
    void invalidatingAPropertyRemovesItsDetailScoreTimelineAndItsTenantsListsAndScoresOnly() {
        cacheAll(keysOf(ACME, P1, P2));
        cacheAll(keysOf(GLOBEX, P1));

        InvalidationReport report = invalidator.invalidateProperty(ACME, P1);

        assertThat(report.complete()).isTrue();
        assertThat(report.keysInvalidated()).containsExactly(PropertyKeys.detail(ACME, P1), PropertyKeys.score(ACME, P1),
                PropertyKeys.timeline(ACME, P1));
        assertThat(report.groupsInvalidated()).containsExactly(PropertyKeys.listGroup(ACME),
                PropertyKeys.scoreGroup(ACME));
        assertThat(cachedOf(keysOf(ACME, P1, P2))).containsExactly(PropertyKeys.detailKey(ACME, P2),
                PropertyKeys.timelineKey(ACME, P2));
        assertThat(cachedOf(keysOf(GLOBEX, P1))).isEqualTo(keysOf(GLOBEX, P1));
    }

    @Test
    void invalidatingATenantsListsRemovesEveryListPageAndNothingElse() {
        cacheAll(keysOf(ACME, P1));
        cacheAll(keysOf(GLOBEX, P1));

        InvalidationReport report = invalidator.invalidatePropertyLists(ACME);

        assertThat(report.groupsInvalidated()).containsExactly(PropertyKeys.listGroup(ACME));
        assertThat(report.keysInvalidated()).isEmpty();
        assertThat(cachedOf(keysOf(ACME, P1))).containsExactly(PropertyKeys.detailKey(ACME, P1),
                PropertyKeys.scoreKey(ACME, P1), PropertyKeys.timelineKey(ACME, P1));
        assertThat(cachedOf(keysOf(GLOBEX, P1))).isEqualTo(keysOf(GLOBEX, P1));
    }

    @Test
    void invalidatingAScoreRemovesThatScoreOnly() {
        cacheAll(keysOf(ACME, P1, P2));

        InvalidationReport report = invalidator.invalidatePropertyScore(ACME, P1);

        assertThat(report.keysInvalidated()).containsExactly(PropertyKeys.score(ACME, P1));
        List<CacheKey> expected = new ArrayList<>(keysOf(ACME, P1, P2));
        expected.remove(PropertyKeys.scoreKey(ACME, P1));
        assertThat(cachedOf(keysOf(ACME, P1, P2))).isEqualTo(expected);
    }

    @Test
    void invalidatingATimelineRemovesThatTimelineOnly() {
        cacheAll(keysOf(ACME, P1, P2));

        InvalidationReport report = invalidator.invalidateTimeline(ACME, P1);

        assertThat(report.keysInvalidated()).containsExactly(PropertyKeys.timeline(ACME, P1));
        List<CacheKey> expected = new ArrayList<>(keysOf(ACME, P1, P2));
        expected.remove(PropertyKeys.timelineKey(ACME, P1));
        assertThat(cachedOf(keysOf(ACME, P1, P2))).isEqualTo(expected);
    }

    @Test
    void invalidatingATenantRemovesEveryKeyOfItWithOneGroupAndNoOtherTenants() {
        cacheAll(keysOf(ACME, P1, P2));
        cacheAll(keysOf(GLOBEX, P1));

        InvalidationReport report = invalidator.invalidateTenant(ACME);

        assertThat(report.groupsInvalidated()).containsExactly(PropertyKeys.tenantGroup(ACME));
        assertThat(cachedOf(keysOf(ACME, P1, P2))).isEmpty();
        assertThat(cachedOf(keysOf(GLOBEX, P1))).isEqualTo(keysOf(GLOBEX, P1));
    }

    @Test
    void invalidatingEverythingFlushesThePrefixAndNothingOutsideIt() {
        cacheAll(keysOf(ACME, P1));
        cacheAll(keysOf(GLOBEX, P1));
        try (CacheClient neighbour = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix() + "x/")
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            neighbour.set("kept", "value");

            InvalidationReport report = invalidator.invalidateAll();

            assertThat(report.complete()).isTrue();
            assertThat(report.done().flush()).isTrue();
            assertThat(report.keysFlushed()).isPositive();
            assertThat(cachedOf(keysOf(ACME, P1))).isEmpty();
            assertThat(cachedOf(keysOf(GLOBEX, P1))).isEmpty();
        }
    }

    @Test
    void aLoadThatBeganBeforeAPropertyInvalidationCannotStoreItsOldValue() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        CacheKey detail = PropertyKeys.detailKey(ACME, P1);
        Thread reader = Thread.ofVirtual().start(() -> cache.getOrLoad(detail, String.class, () -> {
            loading.countDown();
            await(proceed);
            return "old row";
        }, TTL));
        loading.await();

        invalidator.invalidateProperty(ACME, P1);
        proceed.countDown();
        reader.join();

        assertThat(cached(detail)).isFalse();
    }

    static Stream<String> adversarialIds() {
        return ADVERSARIAL.stream();
    }

    @ParameterizedTest
    @MethodSource("adversarialIds")
    void anAdversarialPropertyIdInvalidatesThatPropertyOnly(String id) {
        TenantId tenant = new TenantId(id);
        PropertyId property = new PropertyId(id);
        List<CacheKey> keys = new ArrayList<>(keysOf(tenant, ADVERSARIAL.stream().map(PropertyId::new)
                .toArray(PropertyId[]::new)));
        ADVERSARIAL.stream().map(TenantId::new).filter(other -> !other.equals(tenant))
                .forEach(other -> keys.addAll(keysOf(other, property)));
        cacheAll(keys);

        assertThat(invalidator.invalidateProperty(tenant, property).complete()).isTrue();

        List<CacheKey> gone = new ArrayList<>(List.of(PropertyKeys.detailKey(tenant, property),
                PropertyKeys.timelineKey(tenant, property), PropertyKeys.listKey(tenant, PAGE_1),
                PropertyKeys.listKey(tenant, PORTO)));
        ADVERSARIAL.forEach(each -> gone.add(PropertyKeys.scoreKey(tenant, new PropertyId(each))));
        assertThat(cachedOf(keys)).isEqualTo(keys.stream().filter(key -> !gone.contains(key)).toList());
    }

    @ParameterizedTest
    @MethodSource("adversarialIds")
    void anAdversarialTenantIdInvalidatesThatTenantOnly(String id) {
        List<TenantId> tenants = ADVERSARIAL.stream().map(TenantId::new).toList();
        for (TenantId each : tenants) {
            cacheAll(keysOf(each, P1));
        }
        TenantId target = new TenantId(id);

        invalidator.invalidateTenant(target);

        for (TenantId each : tenants) {
            assertThat(cachedOf(keysOf(each, P1))).as("tenant %s", each.value())
                    .isEqualTo(each.equals(target) ? List.of() : keysOf(each, P1));
        }
    }

    @Test
    @DisruptsRedis
    void withRedisDownTheReportSaysNothingWasDoneAndWhat(RedisServer server) {
        try (CacheClient down = CacheClients.builder().redisUrl(server.uri()).commandTimeout(Duration.ofMillis(200))
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            server.stop();

            InvalidationReport report = CacheInvalidator.of(down).invalidateProperty(ACME, P1);

            assertThat(report.complete()).isFalse();
            assertThat(report.done().isEmpty()).isTrue();
            assertThat(report.failed()).isEqualTo(PropertyInvalidations.property(ACME, P1));
        }
    }

    @Test
    @DisruptsRedis
    void withRedisDownAFlushIsReportedIncomplete(RedisServer server) {
        try (CacheClient down = CacheClients.builder().redisUrl(server.uri()).commandTimeout(Duration.ofMillis(200))
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            server.stop();

            InvalidationReport report = CacheInvalidator.of(down).invalidateAll();

            assertThat(report.complete()).isFalse();
            assertThat(report.failed().flush()).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
