package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@RedisTest
class ScopedCacheIntegrationTests {

    @Test
    void aViewKeepsItsKeysUnderItsNameAndItsMetersUnderItsTag(TestRedis redis) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CacheClient root = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(meters).build()) {
            CacheClient scores = root.scoped("scores", root.loadPolicy().withTtl(Duration.ofMinutes(30)));
            CacheClient details = root.scoped("details", root.loadPolicy());

            scores.set("42", 87);
            details.set("42", "detail");
            scores.get("42", Integer.class);

            assertThat(redis.command("GET", redis.keyPrefix() + "scores:42")).isEqualTo("87");
            assertThat(details.get("42", String.class)).contains("detail");
            assertThat(meters.get("cache.gets").tag("cache", "scores").tag("result", "hit").functionCounter().count())
                    .isEqualTo(1);
            assertThat(scores.loadPolicy().ttl()).isEqualTo(Duration.ofMinutes(30));
            assertThat(scores.keyPrefix()).isEqualTo(redis.keyPrefix() + "scores:");
        }
    }

    @Test
    void flushingAViewLeavesTheOtherViewsAlone(TestRedis redis) {
        try (CacheClient root = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            CacheClient scores = root.scoped("scores", root.loadPolicy());
            CacheClient details = root.scoped("details", root.loadPolicy());
            scores.set("1", 1);
            scores.set("2", 2);
            details.set("1", "d");

            assertThat(scores.flush()).isEqualTo(new BulkDeleteResult(2, true));
            assertThat(details.exists("1")).isTrue();
        }
    }

    @Test
    void closingAViewKeepsTheConnectionForEveryoneElse(TestRedis redis) {
        try (CacheClient root = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            root.scoped("short-lived", root.loadPolicy()).close();

            assertThat(root.set("k", 1)).isEqualTo(WriteOutcome.WRITTEN);
            assertThat(root.scoped("other", root.loadPolicy()).set("k", 2)).isEqualTo(WriteOutcome.WRITTEN);
        }
    }

    @Test
    void aViewMayKeepItsKeysUnderASegmentOtherThanItsName(TestRedis redis) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CacheClient root = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(meters).build()) {
            CacheClient details = root.scoped("property-details", "pd", root.loadPolicy());

            details.set("42", "detail");
            details.get("42", String.class);

            assertThat(redis.command("EXISTS", redis.keyPrefix() + "pd:42")).isEqualTo("1");
            assertThat(meters.get("cache.gets").tag("cache", "property-details").tag("result", "hit")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(details.status().keyPrefix()).isEqualTo(redis.keyPrefix() + "pd:");
            assertThat(details.status().breakerState()).isEqualTo("CLOSED");
            assertThat(details.status().available()).isTrue();
        }
    }

    @Test
    void aNamedViewSharesTheKeysAndGroupsButHasItsOwnMeters(TestRedis redis) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CacheClient root = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(meters).build()) {
            CacheClient details = root.named("details", root.loadPolicy());
            CacheKey key = CacheKey.of("t:{7}:detail:1", "t:{7}:all");
            details.getOrLoad(key, String.class, () -> "detail", Duration.ofMinutes(1));

            assertThat(root.get(key, String.class)).contains("detail");
            root.invalidateGroup("t:{7}:all");
            assertThat(details.get(key, String.class)).isEmpty();
            assertThat(meters.get("cache.gets").tag("cache", "details").tag("result", "miss").functionCounter().count())
                    .isEqualTo(2);
        }
    }

    @Test
    void aViewNameWithWhitespaceIsRefused(TestRedis redis) {
        try (CacheClient root = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            assertThatThrownBy(() -> root.scoped("two words", root.loadPolicy()))
                    .isInstanceOf(CacheConfigurationException.class);
            assertThatThrownBy(() -> root.scoped(" ", root.loadPolicy())).isInstanceOf(CacheConfigurationException.class);
        }
    }

    @Test
    void viewsWithTheSameNameShareTheirMetersUntilTheLastOfThemCloses(TestRedis redis) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CacheClient root = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(meters).build()) {
            CacheClient first = root.scoped("score", root.loadPolicy());
            CacheClient second = root.scoped("score", root.loadPolicy());

            first.get("x", String.class);
            second.get("y", String.class);
            assertThat(misses(meters, "score")).isEqualTo(2);

            first.close();
            second.get("z", String.class);
            assertThat(misses(meters, "score")).as("meters of the view still open").isEqualTo(3);

            second.close();
            assertThat(meters.find("cache.gets").tag("cache", "score").functionCounters()).isEmpty();
        }
    }

    private static double misses(SimpleMeterRegistry meters, String cache) {
        return meters.get("cache.gets").tag("cache", cache).tag("result", "miss").functionCounter().count();
    }
}
