package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import com.realestate.cache.tier.NearCacheSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two clients on one prefix stand for two service instances, each with a near cache in front of Redis. */
@RedisTest
class NearCacheIntegrationTests {

    private static final Duration WINDOW = Duration.ofSeconds(5);

    record Listing(String id, long version) {
    }

    private final List<CacheClient> clients = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private CacheClient instance(TestRedis redis, String name) {
        CacheClient client = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix()).name(name)
                .meterRegistry(meters).build();
        clients.add(client);
        return client;
    }

    private static CacheClient listings(CacheClient client) {
        CacheClient near = client.named("listings", client.loadPolicy()).withNearCache(NearCacheSettings.defaults());
        await().atMost(WINDOW).until(() -> near.status().available() && serving(near));
        return near;
    }

    private static boolean serving(CacheClient near) {
        return ((RedisCacheClient) near).nearCacheServing();
    }

    @AfterEach
    void close() {
        clients.forEach(CacheClient::close);
    }

    @Test
    void aNearCacheHitCostsNoRoundTripToRedis(TestRedis redis) {
        CacheClient cache = listings(instance(redis, "a"));
        AtomicInteger loads = new AtomicInteger();
        cache.getOrLoad("1", Listing.class, () -> new Listing("1", loads.incrementAndGet()), Duration.ofMinutes(1));
        double commandsBefore = redisCommands();

        for (int i = 0; i < 100; i++) {
            assertThat(cache.getOrLoad("1", Listing.class, () -> new Listing("1", loads.incrementAndGet()),
                    Duration.ofMinutes(1))).contains(new Listing("1", 1));
        }

        assertThat(redisCommands()).isEqualTo(commandsBefore);
        assertThat(meters.get("cache.near.gets").tag("cache", "listings").tag("result", "hit").functionCounter().count())
                .isEqualTo(100);
    }

    @Test
    void aNearCacheMadeAgainUnderTheSameNameIsCountedByItsOwnMeters(TestRedis redis) {
        CacheClient client = instance(redis, "a");
        CacheClient first = listings(client);
        for (int i = 0; i < 4; i++) {
            first.getOrLoad("1", Listing.class, () -> new Listing("1", 1), Duration.ofMinutes(1));
        }
        first.close();

        CacheClient second = listings(client);
        second.getOrLoad("1", Listing.class, () -> new Listing("1", 2), Duration.ofMinutes(1));
        second.getOrLoad("1", Listing.class, () -> new Listing("1", 2), Duration.ofMinutes(1));

        assertThat(meters.get("cache.near.gets").tag("cache", "listings").tag("result", "hit").functionCounter().count())
                .as("the second near cache's one hit, not the first's three").isEqualTo(1);
    }

    @Test
    void aValueReadFromRedisNearItsExpiryIsKeptNoLongerThanRedisKeepsItFresh(TestRedis redis) {
        MutableClock clock = new MutableClock();
        CacheClient client = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix()).name("a")
                .meterRegistry(meters).clock(clock).build();
        clients.add(client);
        CacheClient cache = listings(client);
        LoadPolicy policy = client.loadPolicy().withTtl(Duration.ofMinutes(10)).withTtlJitter(0).withEarlyRefreshBeta(0);
        client.getOrLoad("1", Listing.class, () -> new Listing("1", 1), policy);
        clock.advance(Duration.ofMinutes(10).minusMillis(300));

        assertThat(cache.getOrLoad("1", Listing.class, () -> new Listing("1", 2), policy)).contains(new Listing("1", 1));
        double redisReads = redisCommands();

        await().atMost(WINDOW).until(() -> {
            cache.getOrLoad("1", Listing.class, () -> new Listing("1", 2), policy);
            return redisCommands() > redisReads;
        });
    }

    @Test
    void aValueSetWithATtlIsKeptNoLongerThanRedisKeepsIt(TestRedis redis) {
        CacheClient cache = listings(instance(redis, "a"));
        cache.set("read", new Listing("read", 1), Duration.ofMillis(300));
        cache.set("loaded", new Listing("loaded", 1), Duration.ofMillis(300));
        assertThat(cache.get("read", Listing.class)).contains(new Listing("read", 1));
        assertThat(cache.getOrLoad("loaded", Listing.class, () -> new Listing("loaded", 2), Duration.ofMinutes(10)))
                .contains(new Listing("loaded", 1));

        await().atMost(WINDOW).until(() -> cache.get("read", Listing.class).isEmpty()
                && cache.getOrLoad("loaded", Listing.class, () -> new Listing("loaded", 2), Duration.ofMinutes(10))
                .orElseThrow().version() == 2);
    }

    private double redisCommands() {
        return meters.find("cache.redis.latency").timers().stream().mapToDouble(t -> t.count()).sum();
    }

    @Test
    void anInvalidationOnOneInstanceRemovesTheEntryFromTheOther(TestRedis redis) {
        CacheClient a = listings(instance(redis, "a"));
        CacheClient b = listings(instance(redis, "b"));
        AtomicLong version = new AtomicLong(1);
        b.getOrLoad("1", Listing.class, () -> new Listing("1", version.get()), Duration.ofMinutes(1));

        version.set(2);
        assertThat(a.invalidate("1")).isEqualTo(DeleteOutcome.DELETED);

        await().atMost(WINDOW).until(() -> b.getOrLoad("1", Listing.class, () -> new Listing("1", version.get()),
                Duration.ofMinutes(1)).orElseThrow().version() == 2);
    }

    @Test
    void aWriteOnOneInstanceIsSeenByTheOther(TestRedis redis) {
        CacheClient a = listings(instance(redis, "a"));
        CacheClient b = listings(instance(redis, "b"));
        a.set("set", new Listing("set", 1));
        a.writeThrough("through", new Listing("through", 1), listing -> { }, Duration.ofMinutes(1));
        assertThat(b.get("set", Listing.class)).contains(new Listing("set", 1));
        assertThat(b.getOrLoad("through", Listing.class, () -> null, Duration.ofMinutes(1)))
                .contains(new Listing("through", 1));

        a.set("set", new Listing("set", 2));
        a.writeThrough("through", new Listing("through", 2), listing -> { }, Duration.ofMinutes(1));

        await().atMost(WINDOW).until(() -> b.get("set", Listing.class).orElseThrow().version() == 2
                && b.getOrLoad("through", Listing.class, () -> null, Duration.ofMinutes(1)).orElseThrow().version() == 2);
    }

    @Test
    void deletesAndFlushesOnOneInstanceEmptyTheOther(TestRedis redis) {
        CacheClient a = listings(instance(redis, "a"));
        CacheClient b = listings(instance(redis, "b"));
        a.set("deleted", new Listing("deleted", 1));
        a.set("flushed", new Listing("flushed", 1));
        assertThat(b.get("deleted", Listing.class)).isPresent();
        assertThat(b.get("flushed", Listing.class)).isPresent();

        a.delete("deleted");
        await().atMost(WINDOW).until(() -> b.get("deleted", Listing.class).isEmpty());
        assertThat(a.flush().complete()).isTrue();
        await().atMost(WINDOW).until(() -> b.get("flushed", Listing.class).isEmpty());
    }

    @Test
    void aGroupInvalidationOnOneInstanceRemovesTheGroupFromTheOther(TestRedis redis) {
        CacheClient a = listings(instance(redis, "a"));
        CacheClient b = listings(instance(redis, "b"));
        CacheKey inGroup = CacheKey.of("t:{acme}:1", "t:{acme}:all");
        CacheKey outside = CacheKey.of("t:{other}:1", "t:{other}:all");
        AtomicLong version = new AtomicLong(1);
        b.getOrLoad(inGroup, Listing.class, () -> new Listing("1", version.get()), Duration.ofMinutes(1));
        b.getOrLoad(outside, Listing.class, () -> new Listing("1", version.get()), Duration.ofMinutes(1));

        version.set(2);
        assertThat(a.invalidateGroup("t:{acme}:all")).isEqualTo(WriteOutcome.WRITTEN);

        await().atMost(WINDOW).until(() -> b.getOrLoad(inGroup, Listing.class, () -> new Listing("1", version.get()),
                Duration.ofMinutes(1)).orElseThrow().version() == 2);
        assertThat(b.getOrLoad(outside, Listing.class, () -> new Listing("1", version.get()), Duration.ofMinutes(1)))
                .contains(new Listing("1", 1));
    }

    @Test
    void aProcessWithoutNearCacheStillAnnouncesItsWritesWhenAsked(TestRedis redis) {
        CacheClient reader = listings(instance(redis, "reader"));
        CacheClient writer = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .publishNearCacheInvalidations(true).meterRegistry(meters).build();
        clients.add(writer);
        CacheClient writerListings = writer.named("listings", writer.loadPolicy());
        writerListings.set("1", new Listing("1", 1));
        assertThat(reader.get("1", Listing.class)).contains(new Listing("1", 1));

        writerListings.set("1", new Listing("1", 2));

        await().atMost(WINDOW).until(() -> reader.get("1", Listing.class).orElseThrow().version() == 2);
    }

    @Test
    void aViewHasAtMostOneNearCache(TestRedis redis) {
        CacheClient near = listings(instance(redis, "a"));

        assertThatThrownBy(() -> near.withNearCache(NearCacheSettings.defaults()))
                .isInstanceOf(CacheConfigurationException.class);
    }

    /**
     * The writing instance's own near cache is never stale once a write has returned, however its readers race
     * the write: the local entry is dropped before the write returns, and fills that read Redis earlier are refused.
     */
    @Test
    void theWritingInstanceNeverServesAValueOlderThanItsLastReturnedInvalidation(TestRedis redis) throws Exception {
        CacheClient cache = listings(instance(redis, "a"));
        AtomicLong source = new AtomicLong();
        AtomicLong invalidated = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Long>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(pool.submit(() -> {
                long violations = 0;
                while (running.get()) {
                    long floor = invalidated.get();
                    long seen = cache.getOrLoad("k", Listing.class, () -> new Listing("k", source.get()),
                            Duration.ofMinutes(1)).orElseThrow().version();
                    if (seen < floor) {
                        violations++;
                    }
                }
                return violations;
            }));
        }
        for (int i = 1; i <= 300; i++) {
            source.set(i);
            cache.invalidate("k");
            invalidated.set(i);
        }
        running.set(false);
        pool.shutdown();
        long violations = 0;
        for (Future<Long> reader : readers) {
            violations += reader.get();
        }
        assertThat(violations).isZero();
    }
}
