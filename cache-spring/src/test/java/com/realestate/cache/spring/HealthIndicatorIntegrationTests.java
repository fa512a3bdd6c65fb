package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health indicator against a Redis that answers. */
@RedisTest
class HealthIndicatorIntegrationTests {

    @Test
    void aReachableRedisIsUpWithItsAddressPrefixAndAClosedBreaker(TestRedis redis) {
        TestContexts.with(redis).withUserConfiguration(CachingTestConfiguration.class).run(context -> {
            Health health = context.getBean(RealEstateCacheHealthIndicator.class).health();

            URI uri = URI.create(redis.uri());
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("redisUrl", "redis://" + uri.getHost() + ":" + uri.getPort() + "/" + database(uri))
                    .containsEntry("keyPrefix", redis.keyPrefix())
                    .containsEntry("breaker", "closed");
        });
    }

    private static String database(URI uri) {
        String path = uri.getPath();
        return path == null || path.length() <= 1 ? "0" : path.substring(1);
    }
}
