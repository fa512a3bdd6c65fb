package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.spring.ListingService.Listing;
import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Cached methods while Redis is killed or frozen (SIGSTOP), and after it is back. */
@RedisTest
@DisruptsRedis
class RedisOutageIntegrationTests {

    private static final Duration RECOVERY = Duration.ofSeconds(15);

    private final AtomicInteger polls = new AtomicInteger();

    private static ApplicationContextRunner app(RedisServer server) {
        return TestContexts.bare()
                .withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues("realestate.cache.redis-url=" + server.uri(),
                        "realestate.cache.command-timeout=200ms",
                        "realestate.cache.connect-timeout=200ms");
    }

    /** Runs every kind of cached method once; any exception fails the test. */
    private static void useEveryAnnotation(ListingService service) throws Exception {
        assertThat(service.find("1")).isEqualTo(new Listing("1", "Porto", new BigDecimal("350000.00")));
        assertThat(service.findSlowly("2")).isEqualTo(new Listing("2", "Braga", BigDecimal.TEN));
        assertThat(service.update(new Listing("3", "Faro", BigDecimal.ONE))).isNotNull();
        assertThat(service.save(new Listing("4", "Faro", BigDecimal.ONE))).isNotNull();
        service.delete("1");
    }

    /**
     * {@link #caching} on a key no earlier poll used: a poll whose first read still missed Redis may cache its key
     * with its second read, and then every later poll of that key would see no load at all and never succeed.
     */
    private boolean cachingANewKey(ListingService service) {
        return caching(service, "after-" + polls.incrementAndGet());
    }

    /** {@code true} once a second call of a cached method is served from the cache again. */
    private static boolean caching(ListingService service, String id) {
        int before = service.calls("find");
        service.find(id);
        service.find(id);
        return service.calls("find") - before == 1;
    }

    @Test
    void withRedisKilledEveryCachedMethodAnswersFromTheMethod(RedisServer server) {
        app(server).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.find("1");

            server.stop();
            useEveryAnnotation(service);
            service.find("1");

            assertThat(service.calls("find")).isEqualTo(3);
            assertThat(service.calls("findSlowly")).isEqualTo(1);
        });
    }

    @Test
    void withRedisFrozenEveryCachedMethodAnswersFromTheMethod(RedisServer server) {
        app(server).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.find("1");

            server.pause();
            useEveryAnnotation(service);
            service.find("1");

            assertThat(service.calls("find")).isEqualTo(3);
        });
    }

    @Test
    void cachingResumesOnceAKilledRedisIsRestarted(RedisServer server) {
        app(server).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            server.stop();
            assertThat(caching(service, "1")).isFalse();

            server.restart();

            await().atMost(RECOVERY).until(() -> cachingANewKey(service));
        });
    }

    @Test
    void cachingResumesOnceAFrozenRedisAnswersAgain(RedisServer server) {
        app(server).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            server.pause();
            assertThat(caching(service, "1")).isFalse();

            server.resume();

            await().atMost(RECOVERY).until(() -> cachingANewKey(service));
        });
    }

    @Test
    void anEvictionRedisMissedIsCarriedOutOnceItAnswersAndTheOldValueIsNotServedAgain(RedisServer server) {
        app(server).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.find("7");
            service.find("7");
            assertThat(service.calls("find")).isEqualTo(1);

            pauseUntilTheBreakerOpens(server, context.getBean(CacheClient.class), service);
            service.delete("7");
            server.resume();
            await().atMost(RECOVERY).until(() -> cachingANewKey(service));
            int before = service.calls("find");

            service.find("7");
            assertThat(service.calls("find") - before).as("the evicted value was not served").isEqualTo(1);
            await().atMost(RECOVERY).until(() -> context.getBean(DurableInvalidator.class).pending().isEmpty());
        });
    }

    @Test
    void aCachePutRedisMissedDoesNotLeaveTheOldValueToBeServedOnceItAnswers(RedisServer server) {
        app(server).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.find("8");

            pauseUntilTheBreakerOpens(server, context.getBean(CacheClient.class), service);
            service.update(new Listing("8", "Porto", new BigDecimal("1.00")));
            server.resume();
            await().atMost(RECOVERY).until(() -> cachingANewKey(service));
            int before = service.calls("find");

            service.find("8");
            assertThat(service.calls("find") - before).as("the value from before the put was not served").isEqualTo(1);
        });
    }

    /** Freezes Redis and waits until the client refuses calls, so that what follows is never even sent. */
    private static void pauseUntilTheBreakerOpens(RedisServer server, CacheClient client, ListingService service) {
        server.pause();
        await().atMost(RECOVERY).until(() -> {
            service.find("other");
            return !client.isAvailable();
        });
    }

    @Test
    void healthIsDegradedWhileRedisIsKilledAndUpOnceItIsBack(RedisServer server) {
        app(server).run(context -> {
            RealEstateCacheHealthIndicator health = context.getBean(RealEstateCacheHealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            server.stop();
            assertThat(health.health().getStatus()).isEqualTo(RealEstateCacheHealthIndicator.DEGRADED);

            server.restart();
            await().atMost(RECOVERY).until(() -> health.health().getStatus().equals(Status.UP));
        });
    }

    @Test
    void healthIsDegradedWhileRedisIsFrozenAndUpOnceItAnswers(RedisServer server) {
        app(server).run(context -> {
            RealEstateCacheHealthIndicator health = context.getBean(RealEstateCacheHealthIndicator.class);

            server.pause();
            assertThat(health.health().getStatus()).isEqualTo(RealEstateCacheHealthIndicator.DEGRADED);

            server.resume();
            await().atMost(RECOVERY).until(() -> health.health().getStatus().equals(Status.UP));
        });
    }
}
