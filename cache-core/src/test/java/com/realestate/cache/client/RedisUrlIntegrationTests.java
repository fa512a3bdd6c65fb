package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.test.RedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** REDIS_URL carries the password and database index, as DEVELOPERS.md says. */
class RedisUrlIntegrationTests {

    @Test
    void passwordAndDatabaseIndexInTheUrlAreUsed() {
        try (RedisServer server = RedisServer.start("--requirepass", "s3cret")) {
            String base = "redis://:s3cret@" + server.host() + ":" + server.port();
            try (CacheClient db3 = client(base + "/3"); CacheClient db0 = client(base + "/0")) {
                assertThat(db3.set("k", "v")).isEqualTo(WriteOutcome.WRITTEN);

                assertThat(db3.get("k", String.class)).contains("v");
                assertThat(db0.isAvailable()).isTrue();
                assertThat(db0.exists("k")).isFalse();
            }
        }
    }

    @Test
    void aWrongPasswordDegradesInsteadOfThrowing() {
        try (RedisServer server = RedisServer.start("--requirepass", "s3cret")) {
            String url = "redis://:wrong@" + server.host() + ":" + server.port() + "/0";
            try (CacheClient cache = client(url)) {
                assertThat(cache.set("k", "v")).isEqualTo(WriteOutcome.FAILED);
                assertThat(cache.get("k", String.class)).isEmpty();
                assertThat(cache.isAvailable()).isFalse();
            }
        }
    }

    private static CacheClient client(String url) {
        return CacheClients.builder().redisUrl(url).connectTimeout(Duration.ofSeconds(1))
                .meterRegistry(new SimpleMeterRegistry()).build();
    }
}
