package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The classic cache-aside race: a reader misses and loads the old row, a writer updates the row and
 * invalidates the key, then the reader stores the old row. Fencing must make that store impossible.
 */
@RedisTest
class StaleSetIntegrationTests {

    private final TestRedis redis;
    private final List<CacheClient> clients = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    StaleSetIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        clients.forEach(CacheClient::close);
    }

    private CacheClient client(SimpleMeterRegistry meters) {
        CacheClient client = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(meters).build();
        clients.add(client);
        return client;
    }

    /** A loader that reads the row, then holds until the test has updated and invalidated it. */
    private static Supplier<String> slowReader(AtomicReference<String> row, CountDownLatch read, CountDownLatch proceed) {
        return () -> {
            String value = row.get();
            read.countDown();
            try {
                proceed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return value;
        };
    }

    @Test
    void aLoadThatBeganBeforeAnInvalidationCannotStoreItsOldValue() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CacheClient cache = client(meters);
        AtomicReference<String> row = new AtomicReference<>("old");
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);

        Future<Optional<String>> reader = threads.submit(() ->
                cache.getOrLoad("property:1", String.class, slowReader(row, read, proceed), Duration.ofMinutes(10)));
        read.await(10, TimeUnit.SECONDS);
        row.set("new");
        cache.invalidate("property:1");
        proceed.countDown();

        assertThat(reader.get(10, TimeUnit.SECONDS)).as("the reader that began first may see the old row").contains("old");
        assertThat(cache.get("property:1", String.class)).as("but the cache must not keep it").isEmpty();
        assertThat(cache.getOrLoad("property:1", String.class, row::get, Duration.ofMinutes(10))).contains("new");
        assertThat(meters.get(CacheMetrics.STALE_SETS_REFUSED).counter().count()).isEqualTo(1);
    }

    @Test
    void anInvalidationFromAnotherProcessAlsoFencesTheLoad() throws Exception {
        CacheClient reading = client(new SimpleMeterRegistry());
        CacheClient writing = client(new SimpleMeterRegistry());
        AtomicReference<String> row = new AtomicReference<>("old");
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);

        Future<Optional<String>> reader = threads.submit(() ->
                reading.getOrLoad("property:1", String.class, slowReader(row, read, proceed), Duration.ofMinutes(10)));
        read.await(10, TimeUnit.SECONDS);
        row.set("new");
        writing.invalidate("property:1");
        proceed.countDown();
        reader.get(10, TimeUnit.SECONDS);

        assertThat(writing.get("property:1", String.class)).isEmpty();
        assertThat(reading.get("property:1", String.class)).isEmpty();
    }

    @Test
    void aCallerArrivingAfterAnInvalidationDoesNotJoinTheOlderLoad() throws Exception {
        CacheClient cache = client(new SimpleMeterRegistry());
        AtomicReference<String> row = new AtomicReference<>("old");
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        threads.submit(() -> cache.getOrLoad("property:1", String.class, slowReader(row, read, proceed), Duration.ofMinutes(10)));
        read.await(10, TimeUnit.SECONDS);

        row.set("new");
        cache.invalidate("property:1");
        Optional<String> later = cache.getOrLoad("property:1", String.class, row::get,
                cache.loadPolicy().withLease(Duration.ofSeconds(5), Duration.ZERO));
        proceed.countDown();

        assertThat(later).contains("new");
    }

    /** A service reads through named views and invalidates through its base client: loads are the process's, not a view's. */
    @Test
    void aCallerArrivingAfterAnInvalidationThroughAnotherViewDoesNotJoinTheOlderLoad() throws Exception {
        CacheClient cache = client(new SimpleMeterRegistry());
        CacheClient view = cache.named("property-details", cache.loadPolicy());
        AtomicReference<String> row = new AtomicReference<>("old");
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        threads.submit(() -> view.getOrLoad("property:1", String.class, slowReader(row, read, proceed), Duration.ofMinutes(10)));
        read.await(10, TimeUnit.SECONDS);

        row.set("new");
        cache.invalidate("property:1");
        Future<Optional<String>> later = threads.submit(() -> view.getOrLoad("property:1", String.class, row::get,
                Duration.ofMinutes(10)));

        await().atMost(Duration.ofSeconds(5)).until(later::isDone);
        proceed.countDown();
        assertThat(later.get()).contains("new");
    }

    /**
     * Randomized: in each round, readers on two instances keep loading a key (each load reads the row, then
     * pauses a random moment) while a writer updates the row and invalidates the key at a random moment.
     * Once the round's write has returned and the readers are done, the cache holds the new row or nothing.
     */
    @Test
    void manyReadersAndWritersLeaveNoStaleEntryOnceWritesHaveFinished() throws Exception {
        List<CacheClient> instances = List.of(client(new SimpleMeterRegistry()), client(new SimpleMeterRegistry()));
        LoadPolicy policy = instances.get(0).loadPolicy().withTtl(Duration.ofMinutes(10)).withEarlyRefreshBeta(0);
        int keys = 8;
        int rounds = 40;
        Map<String, AtomicLong> database = new ConcurrentHashMap<>();
        List<String> stale = new java.util.concurrent.CopyOnWriteArrayList<>();

        List<Future<?>> perKey = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            String key = "property:" + k;
            AtomicLong row = database.computeIfAbsent(key, ignored -> new AtomicLong());
            perKey.add(threads.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    runRound(instances, policy, key, row);
                    Optional<Long> cached = instances.get(round % 2).get(key, Long.class);
                    if (cached.isPresent() && cached.get() != row.get()) {
                        stale.add(key + " held " + cached.get() + " after row became " + row.get());
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : perKey) {
            done.get(120, TimeUnit.SECONDS);
        }

        assertThat(stale).isEmpty();
    }

    private void runRound(List<CacheClient> instances, LoadPolicy policy, String key, AtomicLong row) throws Exception {
        instances.get(0).invalidate(key);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4);
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            CacheClient instance = instances.get(r % 2);
            readers.add(threads.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    instance.getOrLoad(key, Long.class, () -> {
                        long version = row.get();
                        LockSupport.parkNanos(random.nextLong(2_000_000));
                        return version;
                    }, policy);
                }
            }));
        }
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000));
        row.incrementAndGet();
        instances.get(ThreadLocalRandom.current().nextInt(2)).invalidate(key);
        for (Future<?> reader : readers) {
            reader.get(30, TimeUnit.SECONDS);
        }
    }
}
