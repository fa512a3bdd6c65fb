package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

    @Test
    void theBreakersStateIsReportedWithoutAMeterRegistry(TestRedis redis) {
        TestContexts.with(redis).run(context -> {
            assertThat(context).doesNotHaveBean(MeterRegistry.class);

            Health health = context.getBean(RealEstateCacheHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("breaker", "closed")
                    .containsEntry("keyPrefix", redis.keyPrefix());
        });
    }

    @Test
    void anApplicationsOwnClientIsDescribedByItsOwnStatus(TestRedis redis) {
        TestContexts.bare()
                .withBean(CacheClient.class, () -> CacheClients.builder().redisUrl(redis.uri())
                        .keyPrefix(redis.keyPrefix() + "own:").meterRegistry(new SimpleMeterRegistry()).build())
                .run(context -> {
                    Health health = context.getBean(RealEstateCacheHealthIndicator.class).health();

                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("keyPrefix", redis.keyPrefix() + "own:")
                            .containsEntry("breaker", "closed")
                            .containsKey("redisUrl");
                });
    }

    private static String database(URI uri) {
        String path = uri.getPath();
        return path == null || path.length() <= 1 ? "0" : path.substring(1);
    }
}
