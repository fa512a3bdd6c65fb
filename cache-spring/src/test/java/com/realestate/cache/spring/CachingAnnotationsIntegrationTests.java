package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.spring.ListingService.Listing;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spring's caching annotations on a real Redis, through the auto-configured cache manager. */
@RedisTest
class CachingAnnotationsIntegrationTests {

    private static ApplicationContextRunner app(TestRedis redis) {
        return TestContexts.with(redis)
                .withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues("realestate.cache.caches.absences.negative-ttl=60");
    }

    @Test
    void aCacheableMethodRunsOnceForRepeatedCalls(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);

            Listing first = service.find("42");
            Listing second = service.find("42");

            assertThat(second).isEqualTo(first);
            assertThat(service.calls("find")).isEqualTo(1);
            assertThat(redis.command("EXISTS", TestContexts.storedKey(redis, "listings", "42"))).isEqualTo("1");
        });
    }

    @Test
    void aCacheableMethodReturningAFutureRunsOnceForRepeatedCalls(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);

            Listing first = service.findAsync("7").join();
            Listing second = service.findAsync("7").join();
            Listing synced = service.findAsyncSync("8").join();
            Listing syncedAgain = service.findAsyncSync("8").join();

            assertThat(second).isEqualTo(first);
            assertThat(syncedAgain).isEqualTo(synced);
            assertThat(service.calls("findAsync")).isEqualTo(1);
            assertThat(service.calls("findAsyncSync")).isEqualTo(1);
            assertThat(redis.command("EXISTS", TestContexts.storedKey(redis, "listings", "7"))).isEqualTo("1");
        });
    }

    @Test
    void aFailedFutureOfASyncMethodReachesTheCallerWithItsOwnExceptionAndIsNotCached(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);

            for (int call = 0; call < 2; call++) {
                assertThatThrownBy(() -> service.findAsyncOrFail("9").join())
                        .isInstanceOf(CompletionException.class).cause().isInstanceOf(IOException.class)
                        .hasMessage("listing source unreachable");
            }
            assertThat(service.calls("findAsyncOrFail")).isEqualTo(2);
        });
    }

    @Test
    void anEvictedKeyMakesTheNextCallRunTheMethodAgain(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.find("42");

            service.delete("42");
            service.find("42");

            assertThat(service.calls("find")).isEqualTo(2);
        });
    }

    @Test
    void aCachePutReplacesTheCachedValue(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.find("42");
            Listing moved = new Listing("42", "Faro", new BigDecimal("310000.00"));

            service.update(moved);

            assertThat(service.find("42")).isEqualTo(moved);
            assertThat(service.calls("find")).isEqualTo(1);
        });
    }

    @Test
    void cachingPutsIntoOneCacheAndClearsAnother(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.search("Porto");
            Listing saved = new Listing("9", "Porto", new BigDecimal("90000"));

            service.save(saved);

            assertThat(service.find("9")).isEqualTo(saved);
            assertThat(service.calls("find")).isZero();
            service.search("Porto");
            assertThat(service.calls("search")).isEqualTo(2);
        });
    }

    @Test
    void twentyConcurrentCallersOfASyncMethodRunItOnce(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            CountDownLatch release = new CountDownLatch(1);
            service.holdLoadsUntil(release);
            ExecutorService callers = Executors.newFixedThreadPool(20);
            try {
                List<Future<Listing>> results = IntStream.range(0, 20)
                        .mapToObj(i -> callers.submit(() -> service.findSlowly("7")))
                        .toList();
                await().atMost(Duration.ofSeconds(10)).until(() -> waiting(meters, "slow-listings") == 19);

                release.countDown();

                for (Future<Listing> result : results) {
                    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(new Listing("7", "Braga", BigDecimal.TEN));
                }
                assertThat(service.calls("findSlowly")).isEqualTo(1);
            } finally {
                callers.shutdownNow();
            }
        });
    }

    /** Callers that joined a load already running in this process, as the client counts them. */
    private static double waiting(MeterRegistry meters, String cache) {
        Counter coalesced = meters.find("cache.loads.coalesced").tag("cache", cache).counter();
        return coalesced == null ? 0 : coalesced.count();
    }

    @Test
    void compositeKeysThatPrintAlikeDoNotShareAnEntry(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);

            Listing first = service.findForTenant("tenant-1, 7", "detail");
            Listing second = service.findForTenant("tenant-1", "7, detail");

            assertThat(first.city()).isEqualTo("tenant-1, 7");
            assertThat(second.city()).isEqualTo("tenant-1");
            assertThat(service.calls("findForTenant")).isEqualTo(2);
            assertThat(service.findForTenant("tenant-1", "7, detail")).isEqualTo(second);
            assertThat(service.calls("findForTenant")).isEqualTo(2);
        });
    }

    @Test
    void aCheckedExceptionOfASyncMethodReachesTheCallerUnchangedAndIsNotCached(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);

            assertThatThrownBy(() -> service.findOrFail("1"))
                    .isExactlyInstanceOf(IOException.class)
                    .hasMessage("listing source unreachable");
            assertThatThrownBy(() -> service.findOrFail("1")).isExactlyInstanceOf(IOException.class);
            assertThat(service.calls("findOrFail")).isEqualTo(2);
        });
    }

    @Test
    void aNullResultIsNotCachedByDefault(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);

            assertThat(service.owner("1")).isNull();
            assertThat(service.owner("1")).isNull();
            assertThat(service.ownerSync("2")).isNull();
            assertThat(service.ownerSync("2")).isNull();

            assertThat(service.calls("owner")).isEqualTo(2);
            assertThat(service.calls("ownerSync")).isEqualTo(2);
        });
    }

    @Test
    void aNullResultIsRememberedForTheCachesNegativeTtl(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);

            assertThat(service.absentOwner("1")).isNull();
            assertThat(service.absentOwner("1")).isNull();

            assertThat(service.calls("absentOwner")).isEqualTo(1);
            long pttl = Long.parseLong(redis.command("PTTL", TestContexts.storedKey(redis, "absences", "1")));
            assertThat(pttl).isBetween(1L, 60_000L);
        });
    }

    @Test
    void recordsWithListsMapsOptionalsDecimalsAndDatesComeBackEqual(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.detail("1");

            assertThat(service.detail("1")).isEqualTo(ListingService.detailOf("1"));
            assertThat(service.calls("detail")).isEqualTo(1);
        });
    }

    @Test
    void aListOfRecordsComesBackEqual(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            List<Listing> loaded = service.search("Braga");

            assertThat(service.search("Braga")).isEqualTo(loaded);
            assertThat(service.calls("search")).isEqualTo(1);
        });
    }

    @Test
    void anOptionalResultComesBackAsAnOptional(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.maybe("5");

            assertThat(service.maybe("5")).isEqualTo(Optional.of(new Listing("5", "Faro", new BigDecimal("1.10"))));
            assertThat(service.calls("maybe")).isEqualTo(1);
        });
    }

    @Test
    void aSmallLongComesBackAsALong(TestRedis redis) {
        app(redis).run(context -> {
            ListingService service = context.getBean(ListingService.class);
            service.count("Porto");

            assertThat(service.count("Porto")).isEqualTo(7L);
            assertThat(service.calls("count")).isEqualTo(1);
        });
    }
}
