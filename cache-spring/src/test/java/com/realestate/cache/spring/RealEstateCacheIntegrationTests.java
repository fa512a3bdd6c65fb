package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.SimpleValueWrapper;
import org.springframework.context.ApplicationContext;

/** The {@link Cache} contract, called directly, on a real Redis. */
@RedisTest
class RealEstateCacheIntegrationTests {

    private static ApplicationContextRunner app(TestRedis redis) {
        return TestContexts.with(redis).withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues("realestate.cache.caches.absences.negative-ttl=60");
    }

    private static Cache cache(ApplicationContext context, String name) {
        return context.getBean(CacheManager.class).getCache(name);
    }

    @Test
    void putIfAbsentStoresOnlyWhenThereIsNoValue(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");

            assertThat(listings.putIfAbsent("1", "first")).isNull();
            assertThat(listings.putIfAbsent("1", "second").get()).isEqualTo("first");
            assertThat(listings.get("1", String.class)).isEqualTo("first");
        });
    }

    @Test
    void evictIfPresentTellsWhetherThereWasAValue(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");
            listings.put("1", "one");

            assertThat(listings.evictIfPresent("1")).isTrue();
            assertThat(listings.evictIfPresent("1")).isFalse();
            assertThat(listings.get("1")).isNull();
        });
    }

    @Test
    void invalidateTellsWhetherTheCacheHadEntries(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");
            listings.put("1", "one");

            assertThat(listings.invalidate()).isTrue();
            assertThat(listings.invalidate()).isFalse();
        });
    }

    @Test
    void puttingNullWhereNullsAreNotRememberedRemovesTheOldValue(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");
            listings.put("1", "one");

            listings.put("1", null);

            assertThat(listings.get("1")).isNull();
        });
    }

    @Test
    void aRememberedNullIsAHitWithANullValue(TestRedis redis) {
        app(redis).run(context -> {
            Cache absences = cache(context, "absences");

            absences.put("1", null);

            assertThat(absences.get("1")).isNotNull().extracting(Cache.ValueWrapper::get).isNull();
        });
    }

    @Test
    void anEvictionDuringASyncLoadKeepsTheLoadedValueOutOfTheCache(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");
            CountDownLatch loading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> load = CompletableFuture.supplyAsync(() -> listings.get("1", () -> {
                loading.countDown();
                release.await(10, TimeUnit.SECONDS);
                return "before the eviction";
            }));
            assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

            listings.evict("1");
            release.countDown();

            assertThat(load.get(10, TimeUnit.SECONDS)).isEqualTo("before the eviction");
            assertThat(listings.get("1")).isNull();
        });
    }

    @Test
    void aValueNamingAClassOutsideTheTrustedPackagesIsAMiss(TestRedis redis) {
        app(redis).run(context -> {
            redis.command("SET", redis.keyPrefix() + "listings:1", "{\"@class\":\"org.example.Gadget\",\"cmd\":\"x\"}");

            assertThat(cache(context, "listings").get("1")).isNull();
        });
    }

    @Test
    void aValueOfAClassOutsideTheTrustedPackagesIsRefusedWhenPut(TestRedis redis) {
        app(redis).run(context -> assertThatThrownBy(() -> cache(context, "listings").put("1", new SimpleValueWrapper("x")))
                .hasMessageContaining("realestate.cache.trusted-packages"));
    }
}
