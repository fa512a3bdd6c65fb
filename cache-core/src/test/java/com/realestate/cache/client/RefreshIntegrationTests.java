package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keeping popular keys warm: probabilistic early refresh (XFetch) and stale-while-revalidate, on a clock the test moves. */
@RedisTest
class RefreshIntegrationTests {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final TestRedis redis;
    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<String> row = new AtomicReference<>("v1");
    private final AtomicInteger loads = new AtomicInteger();
    private CacheClient cache;

    RefreshIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

    @BeforeEach
    void connect() {
        cache = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix()).meterRegistry(meters)
                .clock(clock).build();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    /** A loader that takes about 20 ms, so that XFetch has a load time to scale by. */
    private Supplier<String> loader() {
        return () -> {
            loads.incrementAndGet();
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            return row.get();
        };
    }

    private double refreshes(String trigger) {
        return meters.get(CacheMetrics.REFRESHES).tag("trigger", trigger).counter().count();
    }

    @Test
    void aHitCloseToExpiryRefreshesInTheBackgroundAndServesTheCurrentValue() {
        LoadPolicy policy = LoadPolicy.defaults(TTL).withTtlJitter(0).withEarlyRefreshBeta(10);
        cache.getOrLoad("hot", String.class, loader(), policy);
        row.set("v2");
        clock.advance(TTL.minusMillis(5));

        for (int i = 0; i < 10; i++) {
            assertThat(cache.getOrLoad("hot", String.class, loader(), policy)).get().isIn("v1", "v2");
        }

        assertThat(refreshes("early")).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> cache.get("hot", String.class).orElseThrow().equals("v2"));
    }

    @Test
    void aHitFarFromExpiryIsNotRefreshed() {
        LoadPolicy policy = LoadPolicy.defaults(TTL).withTtlJitter(0).withEarlyRefreshBeta(1);
        cache.getOrLoad("hot", String.class, loader(), policy);

        for (int i = 0; i < 200; i++) {
            cache.getOrLoad("hot", String.class, loader(), policy);
        }

        assertThat(loads).hasValue(1);
        assertThat(refreshes("early")).isZero();
    }

    @Test
    void anExpiredValueIsServedWhileItIsRefreshedWhenStaleWhileRevalidateIsOn() {
        LoadPolicy policy = LoadPolicy.defaults(TTL).withTtlJitter(0).withEarlyRefreshBeta(0)
                .withStaleWhileRevalidate(Duration.ofMinutes(5));
        cache.getOrLoad("hot", String.class, loader(), policy);
        row.set("v2");
        clock.advance(TTL.plusSeconds(1));

        assertThat(cache.get("hot", String.class)).as("a plain read cannot refresh, so it does not serve stale").isEmpty();
        assertThat(cache.getOrLoad("hot", String.class, loader(), policy)).contains("v1");

        assertThat(refreshes("stale")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                cache.getOrLoad("hot", String.class, loader(), policy).orElseThrow().equals("v2"));
        assertThat(loads).hasValue(2);
    }

    @Test
    void anExpiredValueIsNeverServedWhenStaleWhileRevalidateIsOff() {
        LoadPolicy policy = LoadPolicy.defaults(TTL).withTtlJitter(0).withEarlyRefreshBeta(0);
        cache.getOrLoad("hot", String.class, loader(), policy);
        row.set("v2");
        clock.advance(TTL.plusSeconds(1));

        assertThat(cache.getOrLoad("hot", String.class, loader(), policy)).contains("v2");
        assertThat(refreshes("stale")).isZero();
    }

    @Test
    void anInvalidationDuringABackgroundRefreshWins() {
        LoadPolicy policy = LoadPolicy.defaults(TTL).withTtlJitter(0).withEarlyRefreshBeta(0)
                .withStaleWhileRevalidate(Duration.ofMinutes(5));
        cache.getOrLoad("hot", String.class, loader(), policy);
        clock.advance(TTL.plusSeconds(1));
        AtomicInteger refreshing = new AtomicInteger();
        CountDownLatch invalidated = new CountDownLatch(1);

        cache.getOrLoad("hot", String.class, () -> {
            refreshing.incrementAndGet();
            try {
                invalidated.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "refreshed before the write";
        }, policy);
        await().atMost(Duration.ofSeconds(5)).until(() -> refreshing.get() == 1);
        cache.invalidate("hot");
        invalidated.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() ->
                meters.get(CacheMetrics.STALE_SETS_REFUSED).counter().count() == 1);
        assertThat(cache.get("hot", String.class)).isEmpty();
    }
}
