package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/** Per-cache settings from properties, as they show in Redis. */
@RedisTest
class CacheSettingsIntegrationTests {

    private static ApplicationContextRunner app(TestRedis redis) {
        return TestContexts.with(redis)
                .withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues(
                        "realestate.cache.caches.details.ttl=10m",
                        "realestate.cache.caches.scores.ttl=30m",
                        "realestate.cache.caches.scores.ttl-jitter=0",
                        "realestate.cache.caches.timelines.key-prefix=tl");
    }

    private static Duration pttl(TestRedis redis, String keySegment, String key) {
        return Duration.ofMillis(Long.parseLong(redis.command("PTTL", TestContexts.storedKey(redis, keySegment, key))));
    }

    @Test
    void eachCachesEntriesLiveForItsOwnTtl(TestRedis redis) {
        app(redis).run(context -> {
            CacheManager caches = context.getBean(CacheManager.class);

            caches.getCache("details").put("42", "detail");
            caches.getCache("scores").put("42", 87);

            assertThat(pttl(redis, "details", "42")).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
            assertThat(pttl(redis, "scores", "42")).isBetween(Duration.ofMinutes(30).minusSeconds(5), Duration.ofMinutes(30));
        });
    }

    @Test
    void anEntryLoadedBySyncGetLivesForTheCachesTtl(TestRedis redis) {
        app(redis).run(context -> {
            Cache scores = context.getBean(CacheManager.class).getCache("scores");

            assertThat(scores.get("7", () -> 70)).isEqualTo(70);

            assertThat(pttl(redis, "scores", "7")).isBetween(Duration.ofMinutes(30).minusSeconds(5), Duration.ofMinutes(30));
        });
    }

    @Test
    void aCacheWithAKeyPrefixKeepsItsKeysUnderIt(TestRedis redis) {
        app(redis).run(context -> {
            context.getBean(CacheManager.class).getCache("timelines").put("42", "timeline");

            assertThat(redis.command("EXISTS", TestContexts.storedKey(redis, "tl", "42"))).isEqualTo("1");
            assertThat(redis.countKeys(redis.keyPrefix() + "timelines:*")).isZero();
        });
    }

    @Test
    void theLibrarysVariablesConfigureTheClientWhenNoPropertyDoes(TestRedis redis) {
        TestContexts.bare()
                .withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues("REDIS_URL=" + redis.uri(), "CACHE_KEY_PREFIX=" + redis.keyPrefix(),
                        "CACHE_DEFAULT_TTL=600")
                .run(context -> {
                    context.getBean(CacheManager.class).getCache("listings").put("1", "one");

                    assertThat(pttl(redis, "listings", "1")).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
                });
    }

    @Test
    void clearingACacheMakesItsEntriesMissesAndLeavesOtherCachesAlone(TestRedis redis) {
        app(redis).run(context -> {
            CacheManager caches = context.getBean(CacheManager.class);
            caches.getCache("details").put("1", "a");
            caches.getCache("details").put("2", "b");
            caches.getCache("scores").put("1", 1);

            caches.getCache("details").clear();

            assertThat(caches.getCache("details").get("1")).isNull();
            assertThat(caches.getCache("details").get("2")).isNull();
            assertThat(caches.getCache("scores").get("1", Integer.class)).isEqualTo(1);
        });
    }
}
