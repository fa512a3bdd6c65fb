package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.metrics.CacheMetricsAutoConfiguration;
import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;

/** The caches' meters in the application's registry, next to Spring Boot's own cache metrics support. */
@RedisTest
class MetricsIntegrationTests {

    private static ApplicationContextRunner app(TestRedis redis) {
        return TestContexts.with(redis)
                .withConfiguration(AutoConfigurations.of(CacheMetricsAutoConfiguration.class))
                .withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues("realestate.cache.cache-names=listings");
    }

    private static double count(MeterRegistry meters, String name, String... tags) {
        return meters.get(name).tags(tags).functionCounter().count();
    }

    @Test
    void hitsMissesAndPutsAreCountedPerCacheInTheApplicationsRegistry(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            service.find("1");
            service.find("1");

            assertThat(count(meters, "cache.gets", "cache", "listings", "result", "hit")).isEqualTo(1);
            assertThat(count(meters, "cache.gets", "cache", "listings", "result", "miss")).isEqualTo(1);
            assertThat(count(meters, "cache.puts", "cache", "listings")).isEqualTo(1);
        });
    }

    @Test
    void aCacheWithAKeyPrefixOfItsOwnIsStillTaggedWithItsName(TestRedis redis) {
        app(redis).withPropertyValues("realestate.cache.caches.listings.key-prefix=lst").run(context -> {
            ListingService service = context.getBean(ListingService.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            service.find("1");
            service.find("1");

            assertThat(count(meters, "cache.gets", "cache", "listings", "result", "hit")).isEqualTo(1);
            assertThat(count(meters, "cache.gets", "cache", "listings", "result", "miss")).isEqualTo(1);
            assertThat(count(meters, "cache.puts", "cache", "listings")).isEqualTo(1);
            assertThat(meters.find("cache.gets").tag("cache", "lst").meters()).isEmpty();
            assertThat(redis.command("EXISTS", TestContexts.storedKey(redis, "lst", "1"))).isEqualTo("1");
        });
    }

    @Test
    void springBootsCacheMetricsBindNothingMoreToOurCaches(TestRedis redis) {
        app(redis).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            CacheMetricsRegistrar registrar = context.getBean(CacheMetricsRegistrar.class);

            boolean bound = registrar.bindCacheToRegistry(context.getBean(CacheManager.class).getCache("listings"));

            assertThat(bound).isFalse();
            Collection<Meter> gets = meters.find("cache.gets").tag("cache", "listings").meters();
            assertThat(gets).hasSize(2).allSatisfy(meter -> assertThat(meter.getId().getTag("cache.manager")).isNull());
        });
    }
}
