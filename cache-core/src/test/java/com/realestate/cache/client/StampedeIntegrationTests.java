package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many concurrent misses on one key: within a process they share one load (single flight); across processes
 * (two clients with their own connections, as two service instances would have) a lease in Redis lets one load.
 */
@RedisTest
class StampedeIntegrationTests {

    private final TestRedis redis;
    private final List<CacheClient> clients = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final AtomicInteger loads = new AtomicInteger();
    private final CountDownLatch releaseLoader = new CountDownLatch(1);

    StampedeIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

    @AfterEach
    void close() {
        releaseLoader.countDown();
        threads.shutdownNow();
        clients.forEach(CacheClient::close);
    }

    private CacheClient client(SimpleMeterRegistry meters, LoadPolicy policy) {
        CacheClient client = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(meters).loadPolicy(policy).build();
        clients.add(client);
        return client;
    }

    /** A loader that counts its runs and holds until the test lets it finish. */
    private Supplier<String> blockingLoader(String value) {
        return () -> {
            loads.incrementAndGet();
            try {
                releaseLoader.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        };
    }

    private List<Future<Optional<String>>> misses(CacheClient client, int count, Supplier<String> loader) {
        List<Future<Optional<String>>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(threads.submit(() -> client.getOrLoad("hot", String.class, loader, client.loadPolicy())));
        }
        return results;
    }

    private static double count(SimpleMeterRegistry meters, String name) {
        return meters.find(name).counter() == null ? 0 : meters.find(name).counter().count();
    }

    @Test
    void concurrentMissesInOneProcessRunTheLoaderOnce() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CacheClient cache = client(meters, LoadPolicy.defaults(Duration.ofMinutes(1)));

        List<Future<Optional<String>>> results = misses(cache, 50, blockingLoader("fresh"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(meters, "cache.loads.coalesced") == 49);
        releaseLoader.countDown();

        for (Future<Optional<String>> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).contains("fresh");
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void concurrentMissesInTwoProcessesRunTheLoaderOnce() throws Exception {
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        LoadPolicy policy = LoadPolicy.defaults(Duration.ofMinutes(1)).withLease(Duration.ofSeconds(10), Duration.ofSeconds(20));
        CacheClient a = client(metersA, policy);
        CacheClient b = client(metersB, policy);

        List<Future<Optional<String>>> results = new ArrayList<>(misses(a, 25, blockingLoader("fresh")));
        await().atMost(Duration.ofSeconds(10)).until(() -> loads.get() == 1);
        results.addAll(misses(b, 25, blockingLoader("fresh")));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                count(metersA, "cache.loads.coalesced") + count(metersB, "cache.loads.coalesced") == 48
                        && count(metersB, "cache.lease.waits") == 1);
        releaseLoader.countDown();

        for (Future<Optional<String>> result : results) {
            assertThat(result.get(20, TimeUnit.SECONDS)).contains("fresh");
        }
        assertThat(loads).as("loader executions across both processes").hasValue(1);
        assertThat(count(metersB, "cache.lease.timeouts")).isZero();
    }

    @Test
    void theLeaseOfAProcessThatDiedExpiresByItself() throws Exception {
        LoadPolicy shortLease = LoadPolicy.defaults(Duration.ofMinutes(1))
                .withLease(Duration.ofMillis(300), Duration.ofSeconds(20));
        CacheClient dying = client(new SimpleMeterRegistry(), shortLease);
        SimpleMeterRegistry survivorMeters = new SimpleMeterRegistry();
        CacheClient survivor = client(survivorMeters, shortLease);
        threads.submit(() -> dying.getOrLoad("hot", String.class, blockingLoader("never stored"), shortLease));
        await().atMost(Duration.ofSeconds(10)).until(() -> loads.get() == 1);

        Optional<String> value = survivor.getOrLoad("hot", String.class, () -> "loaded by the survivor", shortLease);

        assertThat(value).contains("loaded by the survivor");
        assertThat(count(survivorMeters, "cache.lease.waits")).isEqualTo(1);
        assertThat(count(survivorMeters, "cache.lease.timeouts")).as("took the expired lease, did not give up").isZero();
    }

    @Test
    void aWaiterThatGivesUpLoadsByItselfInsteadOfFailing() throws Exception {
        LoadPolicy holderPolicy = LoadPolicy.defaults(Duration.ofMinutes(1)).withLease(Duration.ofSeconds(30), Duration.ofSeconds(1));
        LoadPolicy impatient = holderPolicy.withLease(Duration.ofSeconds(30), Duration.ofMillis(200));
        CacheClient holder = client(new SimpleMeterRegistry(), holderPolicy);
        SimpleMeterRegistry waiterMeters = new SimpleMeterRegistry();
        CacheClient waiter = client(waiterMeters, impatient);
        threads.submit(() -> holder.getOrLoad("hot", String.class, blockingLoader("slow"), holderPolicy));
        await().atMost(Duration.ofSeconds(10)).until(() -> loads.get() == 1);

        Optional<String> value = waiter.getOrLoad("hot", String.class, () -> "loaded by the waiter", impatient);

        assertThat(value).contains("loaded by the waiter");
        assertThat(count(waiterMeters, "cache.lease.timeouts")).isEqualTo(1);
        assertThat(waiter.get("hot", String.class)).contains("loaded by the waiter");
    }

    @Test
    void withoutSingleFlightEveryMissLoads() throws Exception {
        LoadPolicy every = LoadPolicy.defaults(Duration.ofMinutes(1)).withSingleFlight(false).withLease(Duration.ZERO, Duration.ZERO);
        CacheClient cache = client(new SimpleMeterRegistry(), every);

        List<Future<Optional<String>>> results = misses(cache, 5, blockingLoader("fresh"));
        await().atMost(Duration.ofSeconds(10)).until(() -> loads.get() == 5);
        releaseLoader.countDown();

        for (Future<Optional<String>> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS)).contains("fresh");
        }
    }

    @Test
    void aMissAfterAnotherProcessInvalidatedTheKeyDoesNotShareALoadThatBeganBeforeTheInvalidation() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LoadPolicy policy = LoadPolicy.defaults(Duration.ofMinutes(1));
        CacheClient reader = client(meters, policy);
        CacheClient writer = client(new SimpleMeterRegistry(), policy);
        Future<Optional<String>> before = threads.submit(() ->
                reader.getOrLoad("hot", String.class, blockingLoader("read before the write"), policy));
        await().atMost(Duration.ofSeconds(10)).until(() -> loads.get() == 1);
        assertThat(writer.invalidate("hot").done()).isTrue();

        Future<Optional<String>> after = threads.submit(() ->
                reader.getOrLoad("hot", String.class, () -> "read after the write", policy));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(meters, "cache.loads.coalesced") == 1);
        releaseLoader.countDown();

        assertThat(before.get(10, TimeUnit.SECONDS)).contains("read before the write");
        assertThat(after.get(10, TimeUnit.SECONDS)).contains("read after the write");
        assertThat(reader.get("hot", String.class)).contains("read after the write");
    }

    @Test
    void aMissAfterAnotherProcessInvalidatedTheGroupDoesNotShareALoadThatBeganBeforeTheInvalidation() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LoadPolicy policy = LoadPolicy.defaults(Duration.ofMinutes(1));
        CacheClient reader = client(meters, policy);
        CacheClient writer = client(new SimpleMeterRegistry(), policy);
        CacheKey page = CacheKey.of("{lists}:page", "{lists}:all");
        Future<Optional<String>> before = threads.submit(() ->
                reader.getOrLoad(page, String.class, blockingLoader("read before the write"), policy));
        await().atMost(Duration.ofSeconds(10)).until(() -> loads.get() == 1);
        assertThat(writer.invalidateGroup("{lists}:all").done()).isTrue();

        Future<Optional<String>> after = threads.submit(() ->
                reader.getOrLoad(page, String.class, () -> "read after the write", policy));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(meters, "cache.loads.coalesced") == 1);
        releaseLoader.countDown();

        assertThat(before.get(10, TimeUnit.SECONDS)).contains("read before the write");
        assertThat(after.get(10, TimeUnit.SECONDS)).contains("read after the write");
        assertThat(reader.get(page, String.class)).contains("read after the write");
    }
}
