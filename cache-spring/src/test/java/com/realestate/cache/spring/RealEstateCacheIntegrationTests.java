package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
                .withPropertyValues("realestate.cache.caches.absences.negative-ttl=60",
                        "realestate.cache.caches.revalidating.ttl=1s",
                        "realestate.cache.caches.revalidating.ttl-jitter=0",
                        "realestate.cache.caches.revalidating.stale-while-revalidate=60");
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
    void retrieveCompletesWithNothingOnAMissAndTheValueOnAHit(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");

            assertThat(listings.retrieve("1").join()).isNull();
            listings.put("1", "one");

            assertThat(listings.retrieve("1").join()).isInstanceOfSatisfying(Cache.ValueWrapper.class,
                    hit -> assertThat(hit.get()).isEqualTo("one"));
        });
    }

    @Test
    void retrieveWithALoaderLoadsOnceAndHandsBackTheLoadersOwnFailure(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");
            AtomicInteger loads = new AtomicInteger();

            assertThat(listings.retrieve("2", () -> {
                loads.incrementAndGet();
                return CompletableFuture.completedFuture("loaded");
            }).join()).isEqualTo("loaded");
            assertThat(listings.retrieve("2", () -> {
                loads.incrementAndGet();
                return CompletableFuture.completedFuture("again");
            }).join()).isEqualTo("loaded");
            assertThat(loads).hasValue(1);

            IllegalStateException failure = new IllegalStateException("source down");
            assertThatThrownBy(() -> listings.retrieve("3", () -> CompletableFuture.failedFuture(failure)).join())
                    .isInstanceOf(CompletionException.class).cause().isSameAs(failure);
            assertThat(listings.get("3")).isNull();
        });
    }

    @Test
    void aCacheCreatedOnFirstUseMayHaveAColonInItsName(TestRedis redis) {
        app(redis).run(context -> {
            Cache profiles = cache(context, "user:profile");

            profiles.put("1", "ana");

            assertThat(profiles.get("1", String.class)).isEqualTo("ana");
            assertThat(redis.command("EXISTS", TestContexts.storedKey(redis, "user%3Aprofile", "1"))).isEqualTo("1");
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
    void invalidateMakesEveryEntryAMissAtOnceWithoutClaimingThereWereAny(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");
            listings.put("1", "one");
            listings.put(2L, "two");

            assertThat(listings.invalidate()).isFalse();
            assertThat(listings.get("1")).isNull();
            assertThat(listings.get(2L)).isNull();
        });
    }

    @Test
    void clearingIsOneRedisCommandHoweverManyEntriesTheCacheHas(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            IntStream.range(0, 200).forEach(i -> listings.put(Integer.toString(i), "value " + i));
            Map<String, Long> before = commands(meters, "listings");

            listings.clear();

            Map<String, Long> sent = new HashMap<>(commands(meters, "listings"));
            before.forEach((operation, count) -> sent.merge(operation, -count, Long::sum));
            sent.values().removeIf(count -> count == 0);
            assertThat(sent).containsExactly(entry("set", 1L));
            assertThat(listings.get("0")).isNull();
            assertThat(listings.get("199")).isNull();
        });
    }

    @Test
    void aValuePutAfterAClearIsServed(TestRedis redis) {
        app(redis).run(context -> {
            Cache listings = cache(context, "listings");
            listings.put("1", "before");
            listings.clear();

            listings.put("1", "after");

            assertThat(listings.get("1", String.class)).isEqualTo("after");
            assertThat(listings.get("2", () -> "loaded after")).isEqualTo("loaded after");
            assertThat(listings.get("2", String.class)).isEqualTo("loaded after");
        });
    }

    /** Redis commands the cache has sent by operation, as its latency timers count them. */
    private static Map<String, Long> commands(MeterRegistry meters, String cache) {
        return meters.find("cache.redis.latency").tag("cache", cache).timers().stream()
                .collect(Collectors.toMap(timer -> timer.getId().getTag("operation"), Timer::count));
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
        app(redis).run(context -> assertRemovalDuringASyncLoadWins(cache(context, "listings"),
                cache -> cache.evict("1")));
    }

    @Test
    void aClearDuringASyncLoadKeepsTheLoadedValueOutOfTheCache(TestRedis redis) {
        app(redis).run(context -> assertRemovalDuringASyncLoadWins(cache(context, "listings"), Cache::clear));
    }

    /** Runs {@code removal} while a sync load of key 1 is in flight; the load's value must not be cached after it. */
    private static void assertRemovalDuringASyncLoadWins(Cache listings, Consumer<Cache> removal) throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> load = CompletableFuture.supplyAsync(() -> listings.get("1", () -> {
            loading.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "before the removal";
        }));
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

        removal.accept(listings);
        release.countDown();

        assertThat(load.get(10, TimeUnit.SECONDS)).isEqualTo("before the removal");
        assertThat(listings.get("1")).isNull();
        assertThat(listings.get("1", () -> "after the removal")).isEqualTo("after the removal");
    }

    @Test
    void aPlainLookupMissesAValueLoadedBySyncGetOnceItsTtlIsOverThoughRedisKeepsItForRevalidation(TestRedis redis) {
        app(redis).run(context -> {
            Cache revalidating = cache(context, "revalidating");
            assertThat(revalidating.get("1", () -> "loaded")).isEqualTo("loaded");
            assertThat(revalidating.get("1", String.class)).isEqualTo("loaded");

            await().atMost(Duration.ofSeconds(5)).until(() -> revalidating.get("1") == null);

            assertThat(redis.command("EXISTS", TestContexts.storedKey(redis, "revalidating", "1"))).isEqualTo("1");
        });
    }

    @Test
    void aValueNamingAClassOutsideTheTrustedPackagesIsAMiss(TestRedis redis) {
        app(redis).run(context -> {
            redis.command("SET", TestContexts.storedKey(redis, "listings", "1"),
                    "{\"@class\":\"org.example.Gadget\",\"cmd\":\"x\"}");

            assertThat(cache(context, "listings").get("1")).isNull();
        });
    }

    @Test
    void aValueOfAClassOutsideTheTrustedPackagesIsRefusedWhenPut(TestRedis redis) {
        app(redis).run(context -> assertThatThrownBy(() -> cache(context, "listings").put("1", new SimpleValueWrapper("x")))
                .hasMessageContaining("realestate.cache.trusted-packages"));
    }
}
