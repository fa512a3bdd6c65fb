package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@RedisTest
class WriteThroughIntegrationTests {

    record Listing(String id, String city) {
    }

    private static CacheClient client(String url, String prefix) {
        return CacheClients.builder().redisUrl(url).keyPrefix(prefix).meterRegistry(new SimpleMeterRegistry()).build();
    }

    @Test
    void theSourceIsWrittenFirstThenTheCache(TestRedis redis) {
        List<String> order = new ArrayList<>();
        try (CacheClient cache = client(redis.uri(), redis.keyPrefix())) {
            WriteOutcome outcome = cache.writeThrough("property:1", new Listing("1", "Porto"), listing -> {
                order.add("source");
                assertThat(cache.get("property:1", Listing.class)).as("not cached before the source has it").isEmpty();
            }, Duration.ofMinutes(5));

            assertThat(outcome).isEqualTo(WriteOutcome.WRITTEN);
            assertThat(order).containsExactly("source");
            assertThat(cache.get("property:1", Listing.class)).contains(new Listing("1", "Porto"));
        }
    }

    @Test
    void aFailedSourceWriteCachesNothingAndItsExceptionReachesTheCaller(TestRedis redis) {
        IllegalStateException failure = new IllegalStateException("constraint violated");
        try (CacheClient cache = client(redis.uri(), redis.keyPrefix())) {
            cache.set("property:1", new Listing("1", "Porto"));

            assertThatThrownBy(() -> cache.writeThrough("property:1", new Listing("1", "Faro"), listing -> {
                throw failure;
            }, Duration.ofMinutes(5))).isSameAs(failure);

            assertThat(cache.get("property:1", Listing.class)).contains(new Listing("1", "Porto"));
        }
    }

    @Test
    void aWrittenValueReplacesAnyLoadStillRunning(TestRedis redis) {
        try (CacheClient cache = client(redis.uri(), redis.keyPrefix())) {
            cache.getOrLoad("property:1", Listing.class, () -> new Listing("1", "old"), Duration.ofMinutes(5));

            cache.writeThrough("property:1", new Listing("1", "new"), listing -> { }, Duration.ofMinutes(5));

            assertThat(cache.getOrLoad("property:1", Listing.class, () -> new Listing("1", "loaded"), Duration.ofMinutes(5)))
                    .contains(new Listing("1", "new"));
        }
    }

    @Test
    @DisruptsRedis
    void whenTheCacheWriteFailsTheOldValueIsInvalidatedNotLeftStale(RedisServer server) {
        try (CacheClient cache = client(server.uri(), "wt:")) {
            cache.set("property:1", new Listing("1", "old"));
            server.command("CONFIG", "SET", "maxmemory-policy", "noeviction");
            server.command("CONFIG", "SET", "maxmemory", "1");

            WriteOutcome outcome = cache.writeThrough("property:1", new Listing("1", "new"), listing -> { },
                    Duration.ofMinutes(5));
            server.command("CONFIG", "SET", "maxmemory", "0");

            assertThat(outcome).isEqualTo(WriteOutcome.FAILED);
            assertThat(cache.get("property:1", Listing.class)).isEmpty();
        }
    }
}
