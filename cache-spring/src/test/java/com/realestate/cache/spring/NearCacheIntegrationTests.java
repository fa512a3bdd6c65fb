package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.spring.ListingService.Listing;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Two application contexts on one Redis stand for two instances whose caches have near caches. */
@RedisTest
class NearCacheIntegrationTests {

    private static ApplicationContextRunner instance(TestRedis redis, String... properties) {
        return TestContexts.with(redis)
                .withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues("realestate.cache.near-cache.enabled=true")
                .withPropertyValues(properties);
    }

    private static double nearHits(MeterRegistry meters, String cache) {
        var counter = meters.find("cache.near.gets").tag("cache", cache).tag("result", "hit").functionCounter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void repeatedCallsAreServedFromProcessMemory(TestRedis redis) {
        instance(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                service.find("42");
                return nearHits(meters, "listings") > 0;
            });

            double before = nearHits(meters, "listings");
            service.find("42");

            assertThat(nearHits(meters, "listings")).isEqualTo(before + 1);
            assertThat(service.calls("find")).isEqualTo(1);
        });
    }

    @Test
    void aCachePutOnOneInstanceReplacesTheValueTheOtherServesFromMemory(TestRedis redis) {
        instance(redis).run(first -> instance(redis).run(second -> {
            ListingService writer = first.getBean(ListingService.class);
            ListingService reader = second.getBean(ListingService.class);
            MeterRegistry readerMeters = second.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                reader.find("42");
                return nearHits(readerMeters, "listings") > 0;
            });

            Listing moved = new Listing("42", "Faro", new BigDecimal("310000.00"));
            writer.update(moved);

            await().atMost(Duration.ofSeconds(5)).until(() -> reader.find("42").equals(moved));
        }));
    }

    @Test
    void aCacheMayOptOutOfTheNearCache(TestRedis redis) {
        instance(redis, "realestate.cache.caches.listings.near-cache=false").run(context -> {
            ListingService service = context.getBean(ListingService.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            for (int i = 0; i < 10; i++) {
                service.find("42");
            }

            assertThat(nearHits(meters, "listings")).isZero();
            assertThat(service.calls("find")).isEqualTo(1);
        });
    }
}
