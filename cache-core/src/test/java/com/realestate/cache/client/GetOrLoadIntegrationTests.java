package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

@RedisTest
class GetOrLoadIntegrationTests {

    record Listing(String id, String city, List<String> features) {
    }

    private final TestRedis redis;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger loads = new AtomicInteger();
    private CacheClient cache;

    GetOrLoadIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

    @BeforeEach
    void connect() {
        cache = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix()).meterRegistry(meters).build();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private Listing load(String id) {
        loads.incrementAndGet();
        return new Listing(id, "Porto", List.of("lift"));
    }

    @Test
    void aMissRunsTheLoaderOnceAndLaterCallsAreHits() {
        Optional<Listing> first = cache.getOrLoad("property:1", Listing.class, () -> load("1"), Duration.ofMinutes(10));
        Optional<Listing> second = cache.getOrLoad("property:1", Listing.class, () -> load("1"), Duration.ofMinutes(10));

        assertThat(first).contains(new Listing("1", "Porto", List.of("lift")));
        assertThat(second).isEqualTo(first);
        assertThat(loads).hasValue(1);
        assertThat(cache.get("property:1", Listing.class)).isEqualTo(first);
    }

    @Test
    void aScriptTheServerDoesNotKnowIsSentWholeAndCountsNoError() {
        redis.command("SCRIPT", "FLUSH");

        Optional<Listing> loaded = cache.getOrLoad("property:1", Listing.class, () -> load("1"), Duration.ofMinutes(1));

        assertThat(loaded).contains(new Listing("1", "Porto", List.of("lift")));
        assertThat(cache.get("property:1", Listing.class)).isEqualTo(loaded);
        assertThat(meters.get(CacheMetrics.ERRORS).tag("kind", "command").counter().count()).isZero();
    }

    @Test
    void genericValuesLoadAndHitThroughATypeReference() {
        TypeReference<List<Listing>> type = new TypeReference<>() {
        };

        cache.getOrLoad("list", type, () -> List.of(load("1"), load("2")), Duration.ofMinutes(1));
        Optional<List<Listing>> hit = cache.getOrLoad("list", type, () -> List.of(load("3")), Duration.ofMinutes(1));

        assertThat(hit).hasValueSatisfying(list -> assertThat(list).extracting(Listing::id).containsExactly("1", "2"));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aValueCachedWithPlainSetIsAHitForGetOrLoad() {
        cache.set("property:1", new Listing("1", "Braga", List.of()));

        assertThat(cache.getOrLoad("property:1", Listing.class, () -> load("1"), Duration.ofMinutes(1)))
                .contains(new Listing("1", "Braga", List.of()));
        assertThat(loads).hasValue(0);
    }

    @Test
    void aLoaderExceptionReachesTheCallerUnchangedAndCachesNothing() {
        IllegalStateException failure = new IllegalStateException("database down");

        assertThatThrownBy(() -> cache.getOrLoad("property:1", Listing.class, () -> {
            throw failure;
        }, Duration.ofMinutes(1))).isSameAs(failure);

        assertThat(redis.countKeys(redis.keyPrefix() + "*")).as("no value and no lease left behind").isZero();
        assertThat(cache.getOrLoad("property:1", Listing.class, () -> load("1"), Duration.ofMinutes(1))).isPresent();
        assertThat(meters.get(CacheMetrics.LOADS).tag("result", "failure").timer().count()).isEqualTo(1);
    }

    @Test
    void anAbsentResultIsEmptyAndNotCachedByDefault() {
        assertThat(cache.getOrLoad("property:404", Listing.class, () -> null, Duration.ofMinutes(1))).isEmpty();
        assertThat(cache.getOrLoad("property:404", Listing.class, () -> load("404"), Duration.ofMinutes(1))).isPresent();
        assertThat(loads).hasValue(1);
    }

    @Test
    void negativeCachingRemembersAnAbsenceForItsShortTtl() {
        LoadPolicy policy = cache.loadPolicy().withNegativeTtl(Duration.ofMillis(300));
        AtomicInteger lookups = new AtomicInteger();

        for (int i = 0; i < 20; i++) {
            assertThat(cache.getOrLoad("property:404", Listing.class, () -> {
                lookups.incrementAndGet();
                return null;
            }, policy)).isEmpty();
        }
        assertThat(lookups).as("one database lookup for twenty requests").hasValue(1);
        assertThat(cache.get("property:404", Listing.class)).isEmpty();

        await().atMost(Duration.ofSeconds(5)).until(() ->
                cache.getOrLoad("property:404", Listing.class, () -> load("404"), policy).isPresent());
    }

    @Test
    void jitterSpreadsTheExpiryOfKeysFilledTogether() {
        LoadPolicy policy = cache.loadPolicy().withTtl(Duration.ofSeconds(100)).withTtlJitter(0.2);
        Set<Long> ttls = new HashSet<>();

        for (int i = 0; i < 100; i++) {
            String key = "property:" + i;
            cache.getOrLoad(key, Listing.class, () -> load(key), policy);
            ttls.add(Long.parseLong(redis.command("PTTL", redis.keyPrefix() + key)) / 1000);
        }

        assertThat(ttls).allSatisfy(seconds -> assertThat(seconds).isBetween(79L, 100L));
        assertThat(ttls.size()).as("distinct expiry seconds").isGreaterThan(10);
    }

    @Test
    void withoutJitterEveryKeyGetsTheFullTtl() {
        LoadPolicy policy = cache.loadPolicy().withTtl(Duration.ofSeconds(100)).withTtlJitter(0);

        cache.getOrLoad("property:1", Listing.class, () -> load("1"), policy);

        assertThat(Long.parseLong(redis.command("PTTL", redis.keyPrefix() + "property:1"))).isBetween(99_000L, 100_000L);
    }

    @Test
    void invalidateMakesTheNextCallLoadAgain() {
        cache.getOrLoad("property:1", Listing.class, () -> load("1"), Duration.ofMinutes(1));

        assertThat(cache.invalidate("property:1")).isEqualTo(DeleteOutcome.DELETED);
        assertThat(cache.invalidate("property:1")).isEqualTo(DeleteOutcome.ABSENT);
        assertThat(cache.get("property:1", Listing.class)).isEmpty();
        assertThat(cache.exists("property:1")).as("a tombstone is not a cached value").isFalse();
        cache.getOrLoad("property:1", Listing.class, () -> load("1"), Duration.ofMinutes(1));
        assertThat(loads).hasValue(2);
    }
}
