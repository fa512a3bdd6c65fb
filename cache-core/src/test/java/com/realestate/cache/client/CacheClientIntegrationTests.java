package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

@RedisTest
class CacheClientIntegrationTests {

    record Price(BigDecimal amount, String currency) {
    }

    record Listing(String id, String city, Price price, List<String> features) {
    }

    private final TestRedis redis;
    /** The client's prefix: below the test's own, so that keys "outside" it are still cleaned up on a shared server. */
    private final String prefix;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private CacheClient cache;

    CacheClientIntegrationTests(TestRedis redis) {
        this.redis = redis;
        this.prefix = redis.keyPrefix() + "cache:";
    }

    @BeforeEach
    void connect() {
        cache = CacheClients.builder()
                .redisUrl(redis.uri())
                .keyPrefix(prefix)
                .defaultTtl(Duration.ofMinutes(5))
                .meterRegistry(meters)
                .build();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private static Listing listing(String id) {
        return new Listing(id, "Porto", new Price(new BigDecimal("350000.00"), "EUR"), List.of("balcony", "lift"));
    }

    @Test
    void setThenGetReturnsAnEqualRecordStoredUnderThePrefix() {
        assertThat(cache.set("property:1", listing("1"))).isEqualTo(WriteOutcome.WRITTEN);

        assertThat(cache.get("property:1", Listing.class)).contains(listing("1"));
        assertThat(redis.command("EXISTS", prefix + "property:1")).isEqualTo("1");
    }

    @Test
    void missingKeyIsEmptyOrTheDefault() {
        assertThat(cache.get("property:none", Listing.class)).isEmpty();
        assertThat(cache.get("property:none", Listing.class, listing("fallback"))).isEqualTo(listing("fallback"));
    }

    @Test
    void genericValuesRoundTripThroughATypeReference() {
        Map<String, List<Listing>> byCity = Map.of("Porto", List.of(listing("1"), listing("2")));
        TypeReference<Map<String, List<Listing>>> type = new TypeReference<>() {
        };

        cache.set("by-city", byCity);

        assertThat(cache.get("by-city", type)).contains(byCity);
        assertThat(cache.get("absent", type, Map.of())).isEmpty();
    }

    @Test
    void setWithoutTtlUsesTheDefaultTtl() {
        cache.set("property:1", listing("1"));

        assertThat(cache.ttl("property:1")).isInstanceOfSatisfying(KeyTtl.Expiring.class, ttl ->
                assertThat(ttl.remaining()).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
    }

    @Test
    void ttlTellsMissingKeysFromKeysWithoutExpiry() {
        redis.command("SET", prefix + "forever", "1");

        assertThat(cache.ttl("forever")).isInstanceOf(KeyTtl.Persistent.class);
        assertThat(cache.ttl("never-set")).isInstanceOf(KeyTtl.Missing.class);
    }

    @Test
    void valuesExpireAfterTheirTtl() {
        cache.set("short-lived", listing("1"), Duration.ofMillis(300));
        assertThat(cache.exists("short-lived")).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> !cache.exists("short-lived"));
        assertThat(cache.get("short-lived", Listing.class)).isEmpty();
    }

    @Test
    void deleteSaysWhetherTheKeyWasThere() {
        cache.set("property:1", listing("1"));

        assertThat(cache.delete("property:1")).isEqualTo(DeleteOutcome.DELETED);
        assertThat(cache.delete("property:1")).isEqualTo(DeleteOutcome.ABSENT);
        assertThat(cache.exists("property:1")).isFalse();
    }

    @Test
    void incrCountsFromZeroAndReadsBackAsANumber() {
        assertThat(cache.incr("views", 1)).hasValue(1);
        assertThat(cache.incr("views", 41)).hasValue(42);
        assertThat(cache.incr("views", -2)).hasValue(40);

        assertThat(cache.get("views", Long.class)).contains(40L);
    }

    @Test
    void aCounterExpiresAfterTheDefaultTtlLikeEveryOtherWrite() {
        cache.incr("views", 1);

        assertThat(cache.ttl("views")).isInstanceOfSatisfying(KeyTtl.Expiring.class, expiring ->
                assertThat(expiring.remaining()).isPositive().isLessThanOrEqualTo(cache.defaultTtl()));
    }

    @Test
    void aRememberedAbsenceIsNoCachedValueForExistsAndTtlAsForGet() {
        cache.getOrLoad("property:9", Listing.class, () -> null,
                cache.loadPolicy().withNegativeTtl(Duration.ofMinutes(1)));

        assertThat(cache.get("property:9", Listing.class)).isEmpty();
        assertThat(cache.exists("property:9")).isFalse();
        assertThat(cache.ttl("property:9")).isInstanceOf(KeyTtl.Missing.class);
    }

    @Test
    void aValuePastItsTtlButKeptForStaleWhileRevalidateIsNoCachedValueForExistsAndTtlAsForGet() {
        LoadPolicy policy = cache.loadPolicy().withTtl(Duration.ofMillis(300)).withTtlJitter(0)
                .withEarlyRefreshBeta(0).withStaleWhileRevalidate(Duration.ofMinutes(5));
        cache.getOrLoad("property:8", Listing.class, () -> listing("p-8"), policy);

        assertThat(cache.ttl("property:8")).as("the TTL the value was cached for, not the stale window's")
                .isInstanceOfSatisfying(KeyTtl.Expiring.class, expiring ->
                        assertThat(expiring.remaining()).isLessThanOrEqualTo(Duration.ofMillis(300)));
        await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("property:8", Listing.class).isEmpty());
        assertThat(cache.exists("property:8")).isFalse();
        assertThat(cache.ttl("property:8")).isInstanceOf(KeyTtl.Missing.class);
    }

    @Test
    void anInvalidatedKeyCountsFromZero() {
        cache.getOrLoad("views", Long.class, () -> 41L, Duration.ofMinutes(5));
        cache.invalidate("views");

        assertThat(cache.incr("views", 1)).hasValue(1);
    }

    @Test
    void incrOnAValueThatIsNotAnIntegerIsEmptyAndLeavesIt() {
        cache.set("property:1", listing("1"));

        assertThat(cache.incr("property:1", 1)).isEmpty();
        assertThat(cache.get("property:1", Listing.class)).contains(listing("1"));
    }

    @Test
    void deletePatternRemovesOnlyMatchingKeysUnderThePrefix() {
        cache.set("property:1:detail", listing("1"));
        cache.set("property:2:detail", listing("2"));
        cache.set("tenant:9:list", listing("3"));
        redis.command("SET", redis.keyPrefix() + "outside:" + prefix + "property:3:detail", "x");

        BulkDeleteResult result = cache.deletePattern("property:*");

        assertThat(result).isEqualTo(new BulkDeleteResult(2, true));
        assertThat(cache.exists("tenant:9:list")).isTrue();
        assertThat(redis.command("EXISTS", redis.keyPrefix() + "outside:" + prefix + "property:3:detail")).isEqualTo("1");
    }

    @Test
    void flushRemovesEverythingUnderThePrefixAndNothingElse() {
        cache.set("a", 1);
        cache.set("b", 2);
        String sibling = redis.keyPrefix() + "cache-sibling:a";
        String unrelated = redis.keyPrefix() + "unrelated:" + prefix;
        redis.command("SET", sibling, "x");
        redis.command("SET", unrelated, "x");

        assertThat(cache.flush()).isEqualTo(new BulkDeleteResult(2, true));

        assertThat(redis.countKeys(prefix + "*")).isZero();
        assertThat(redis.command("EXISTS", sibling)).isEqualTo("1");
        assertThat(redis.command("EXISTS", unrelated)).isEqualTo("1");
    }

    @Test
    void flushLeavesTheEventStreamsUnderThePrefix() {
        cache.set("a", 1);
        try (EventStream bus = cache.eventStream("invalidation:events")) {
            assertThat(bus.publish("{\"type\":\"property.updated\"}")).isPresent();

            assertThat(cache.flush()).isEqualTo(new BulkDeleteResult(1, true));
            assertThat(cache.deletePattern("inv*")).isEqualTo(new BulkDeleteResult(0, true));

            assertThat(redis.command("TYPE", prefix + "invalidation:events")).isEqualTo("stream");
            assertThat(redis.command("XLEN", prefix + "invalidation:events")).isEqualTo("1");
        }
    }

    @Test
    void aCorruptValueIsAMissCountedAsSuch() {
        redis.command("SET", prefix + "property:1", "{not json");
        redis.command("HSET", prefix + "property:2", "field", "value");
        redis.command("SET", prefix + "property:3", "[1,2,3]");

        assertThat(cache.get("property:1", Listing.class)).isEmpty();
        assertThat(cache.get("property:2", Listing.class)).isEmpty();
        assertThat(cache.get("property:3", Listing.class)).isEmpty();

        assertThat(meters.get(CacheMetrics.ERRORS).tag("kind", "corrupt_value").counter().count()).isEqualTo(3);
        assertThat(meters.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(3);
    }

    @Test
    void anUnserializableValueThrowsAndWritesNothing() {
        Object unwritable = new Object();

        assertThatThrownBy(() -> cache.set("property:1", unwritable)).isInstanceOf(CacheSerializationException.class);
        assertThat(redis.countKeys(prefix + "*")).isZero();
    }

    @Test
    void invalidKeysAreRefusedBeforeReachingRedis() {
        assertThatThrownBy(() -> cache.get((String) null, Listing.class)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> cache.set(" ", listing("1"))).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> cache.delete("x".repeat(2000))).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> cache.deletePattern("")).isInstanceOf(InvalidKeyException.class);
        assertThat(redis.countKeys(prefix + "*")).isZero();
    }

    @Test
    void aNullValueOrANonPositiveTtlIsRefused() {
        assertThatThrownBy(() -> cache.set("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.set("k", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.exists("k")).isFalse();
    }

    @Test
    void hitsMissesAndPutsAreCountedUnderMicrometerCacheNames() {
        cache.set("k", 1);
        cache.get("k", Integer.class);
        cache.get("k", Integer.class);
        cache.get("other", Integer.class);

        assertThat(meters.get("cache.puts").tag("cache", "redis").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("cache.gets").tag("result", "hit").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("cache.gets").tag("result", "miss").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get(CacheMetrics.LATENCY).tag("operation", "get").timer().count()).isEqualTo(3);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("state", "closed").gauge().value()).isEqualTo(1);
    }

    @Test
    void closingRemovesTheClientsMeters() {
        cache.close();

        assertThat(meters.find("cache.gets").meters()).isEmpty();
        assertThat(cache.get("k", Integer.class)).isEmpty();
    }

    @Test
    void isAvailableWhileRedisAnswers() {
        assertThat(cache.isAvailable()).isTrue();
        assertThat(cache.keyPrefix()).isEqualTo(prefix);
        assertThat(cache.defaultTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Optional.of(cache.toString())).hasValueSatisfying(s -> assertThat(s).doesNotContain("password"));
    }
}
