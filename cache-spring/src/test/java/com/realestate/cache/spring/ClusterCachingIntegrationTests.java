package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.ClusterSlots;
import com.realestate.cache.spring.ListingService.Listing;
import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisCluster;
import com.realestate.cache.test.RedisTest;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spring's caching annotations and the health indicator on a Redis Cluster given by its seeds. */
@RedisTest
@DisruptsRedis
class ClusterCachingIntegrationTests {

    private static RedisCluster cluster;

    @BeforeAll
    static void startCluster(RedisCluster started) {
        cluster = started;
    }

    @BeforeEach
    void flush() {
        cluster.flushAll();
    }

    private static ApplicationContextRunner app(String... properties) {
        return TestContexts.bare().withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues("realestate.cache.key-prefix=spring:").withPropertyValues(properties);
    }

    @Test
    void cachesOnEveryMasterRunEachMethodOnceAndClearInOneCommand() {
        app("realestate.cache.redis-url=" + cluster.redisUrl()).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            assertThat(IntStream.of(ClusterSlots.slot("{listings}"), ClusterSlots.slot("{counts}"),
                    ClusterSlots.slot("{details}")).mapToObj(cluster::masterOfSlot).collect(Collectors.toSet()))
                    .as("the caches' masters").hasSize(RedisCluster.MASTERS);

            service.find("42");
            service.find("42");
            service.search("Porto");
            service.search("Porto");
            service.detail("7");
            service.detail("7");
            service.count("Porto");
            service.count("Porto");
            service.save(new Listing("43", "Porto", BigDecimal.ONE));
            service.search("Porto");

            assertThat(service.calls("find")).isEqualTo(1);
            assertThat(service.calls("detail")).isEqualTo(1);
            assertThat(service.calls("count")).isEqualTo(1);
            assertThat(service.calls("search")).as("run again after the cache was cleared").isEqualTo(2);
            assertThat(cluster.masterOfSlot(ClusterSlots.slot("{listings}"))
                    .command("EXISTS", "spring:listings:{listings}42")).isEqualTo("1");
        });
    }

    @Test
    void healthIsUpAndNamesTheClusterBySeeds() {
        app("REDIS_URL=" + cluster.redisUrl()).run(context -> {
            Health health = context.getBean(RealEstateCacheHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("redisUrl", cluster.redisUrl())
                    .containsEntry("mode", "cluster")
                    .containsEntry("breaker", "closed");
        });
    }

    @Test
    void aSingleSeedIsAClusterWithTheClusterProperty() {
        app("realestate.cache.redis-url=" + cluster.seedUris().get(1), "realestate.cache.cluster=true").run(context -> {
            ListingService service = context.getBean(ListingService.class);

            service.find("7");
            service.find("7");

            assertThat(service.calls("find")).isEqualTo(1);
            assertThat(context.getBean(RealEstateCacheHealthIndicator.class).health().getDetails())
                    .containsEntry("mode", "cluster");
        });
    }
}
