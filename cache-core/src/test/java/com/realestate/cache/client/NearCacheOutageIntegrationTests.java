package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.tier.NearCacheSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A near cache does not go on serving what it can no longer hear invalidations for. */
@RedisTest
@DisruptsRedis
class NearCacheOutageIntegrationTests {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    record Listing(String id, long version) {
    }

    private final List<CacheClient> clients = new ArrayList<>();

    private CacheClient listings(RedisServer server) {
        CacheClient client = CacheClients.builder().redisUrl(server.uri()).keyPrefix("near:")
                .commandTimeout(Duration.ofMillis(300)).connectTimeout(Duration.ofMillis(300))
                .breaker(BreakerSettings.defaults().withMinimumCalls(3).withOpenDuration(Duration.ofMillis(300)))
                .meterRegistry(new SimpleMeterRegistry()).build();
        clients.add(client);
        CacheClient near = client.named("listings", client.loadPolicy()).withNearCache(NearCacheSettings.defaults());
        await().atMost(WINDOW).until(() -> serving(near));
        return near;
    }

    private static boolean serving(CacheClient near) {
        return ((RedisCacheClient) near).nearCacheServing();
    }

    private static Listing read(CacheClient cache, AtomicLong source) {
        return cache.getOrLoad("1", Listing.class, () -> new Listing("1", source.get()), Duration.ofMinutes(1))
                .orElseThrow();
    }

    @AfterEach
    void close() {
        clients.forEach(CacheClient::close);
    }

    @Test
    void aBlackHoledRedisTurnsTheNearCacheOffUntilItAnswersAgain(RedisServer server) {
        CacheClient cache = listings(server);
        AtomicLong source = new AtomicLong(1);
        assertThat(read(cache, source).version()).isEqualTo(1);

        server.pause();
        try {
            await().atMost(WINDOW).until(() -> !serving(cache));
            source.set(2);
            assertThat(read(cache, source).version()).as("bypassed: the source answers").isEqualTo(2);
        } finally {
            server.resume();
        }

        await().atMost(WINDOW).until(() -> serving(cache) && cache.isAvailable());
        source.set(3);
        assertThat(cache.invalidate("1")).isNotEqualTo(DeleteOutcome.FAILED);
        assertThat(read(cache, source).version()).isEqualTo(3);
        assertThat(read(cache, source).version()).isEqualTo(3);
    }

    @Test
    void aRestartEmptiesTheNearCacheSoThatNothingMissedMeanwhileIsServed(RedisServer server) {
        CacheClient a = listings(server);
        CacheClient b = listings(server);
        AtomicLong source = new AtomicLong(1);
        assertThat(read(b, source).version()).isEqualTo(1);

        server.stop();
        await().atMost(WINDOW).until(() -> !serving(b));
        source.set(2);
        server.restart();
        await().atMost(WINDOW).until(() -> serving(a) && serving(b) && a.isAvailable() && b.isAvailable());

        assertThat(read(b, source).version()).isEqualTo(2);
    }
}
