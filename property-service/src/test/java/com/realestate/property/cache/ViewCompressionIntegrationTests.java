package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.Compression;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.RedisServer;
import com.realestate.property.property.PropertyRepository;
import com.realestate.property.support.TestDatabase;
import com.realestate.property.support.TestServices;
import com.realestate.property.system.BulkDemoSeeder;
import com.realestate.property.system.BulkDemoSettings;
import com.realestate.property.system.RenderedView;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's views are cached compressed with the dictionary it ships, measured on the details of 2,000 listings
 * the dictionary was not trained on (the bulk seeder's, not the trainer's generator) against their bodies stored as
 * plain JSON in a Redis of their own; and views cached by a release without the dictionary are still served.
 */
class ViewCompressionIntegrationTests {

    /** Listings measured; 10,000 take ~25 s here, and the ratios are per key (10,000: 0.35x and 0.53x). */
    private static final int PROPERTIES = 2_000;
    /** Listings after the measured ones, for the tests that cache a view in some other way first. */
    private static final int SPARE = 10;
    private static final Duration DETAIL_TTL = Duration.ofMinutes(10);
    private static final int READERS = 4;

    private static RedisServer cacheRedis;
    private static RedisServer plainRedis;
    private static ConfigurableApplicationContext service;
    private static TenantId tenant;

    @BeforeAll
    static void startService() {
        cacheRedis = RedisServer.start();
        plainRedis = RedisServer.start();
        service = TestServices.start(TestDatabase.sharedJdbcUrl(), cacheRedis.uri());
        BulkDemoSettings bulk = new BulkDemoSettings(PROPERTIES + SPARE, 1,
                "memory-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        new BulkDemoSeeder(bulk, service.getBean(PropertyRepository.class), service.getBean(JdbcClient.class))
                .run(new DefaultApplicationArguments());
        tenant = bulk.tenant(1);
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
        if (cacheRedis != null) {
            cacheRedis.close();
        }
        if (plainRedis != null) {
            plainRedis.close();
        }
    }

    private static long usedMemory(RedisServer redis) {
        for (String line : redis.command("INFO", "memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    private static double counted(String name, String... tags) {
        return Search.in(service.getBean(MeterRegistry.class)).name(name).tags(tags).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    /**
     * What the dictionary buys on the detail views the service caches. Their values shrink to about a third of the
     * body, but the whole keys only to ~0.53-0.57 of the plain layout's memory, not to the half: a detail body
     * is ~400-460 bytes, and Redis spends ~250 bytes per key whatever it holds (the key, its dictionary entry and
     * object, the expiry) plus the entry header of ~45 bytes. The bounds below are the measured figures with some
     * room, so that losing the dictionary (the values would stay plain: ~1.05x) fails the test.
     */
    @Test
    void detailsOfListingsTheDictionaryNeverSawAreCachedInAThirdOfTheirBytesAndLittleMoreThanHalfTheirMemory()
            throws InterruptedException {
        long before = usedMemory(cacheRedis);

        String[] bodies = readAllDetails();
        long compressed = usedMemory(cacheRedis) - before;

        long plain = plainJsonSets(bodies);
        long bodyBytes = Arrays.stream(bodies).mapToLong(body -> body.getBytes(StandardCharsets.UTF_8).length).sum();
        long storedBytes = onConnection(cacheRedis, redis -> IntStream.rangeClosed(1, PROPERTIES)
                .mapToLong(n -> redis.strlen(storedDetailKey(n))).sum());
        System.out.printf(Locale.ROOT, "%d details: stored values %.3fx the bodies' bytes; used_memory %d B cached,"
                + " %d B as plain JSON SETs: %.3fx%n", PROPERTIES, storedBytes / (double) bodyBytes, compressed, plain,
                compressed / (double) plain);
        assertThat(storedBytes).isLessThanOrEqualTo(bodyBytes * 2 / 5);
        assertThat(compressed).isLessThanOrEqualTo(plain * 3 / 5);
        assertThat(service.getBean(PropertyReads.class).detail(tenant, new PropertyId("p1234")).json())
                .isEqualTo(bodies[1233]);
        assertThat(counted("cache.errors", "cache", "property-details", "kind", "corrupt_value")).isZero();
    }

    /** Every listing's detail through the service's reads (the cache path of a GET), on four threads. */
    private static String[] readAllDetails() throws InterruptedException {
        PropertyReads reads = service.getBean(PropertyReads.class);
        String[] bodies = new String[PROPERTIES];
        try (ExecutorService threads = Executors.newFixedThreadPool(READERS)) {
            for (int reader = 0; reader < READERS; reader++) {
                int first = reader;
                threads.execute(() -> {
                    for (int n = first + 1; n <= PROPERTIES; n += READERS) {
                        bodies[n - 1] = reads.detail(tenant, new PropertyId("p" + n)).json();
                    }
                });
            }
        }
        assertThat(bodies).doesNotContainNull();
        return bodies;
    }

    /** The memory the bodies take as plain JSON SETs, with the detail TTL, under the keys the service uses. */
    private static long plainJsonSets(String[] bodies) {
        return onConnection(plainRedis, redis -> {
            long before = usedMemory(plainRedis);
            for (int n = 1; n <= bodies.length; n++) {
                redis.setex(storedDetailKey(n), DETAIL_TTL.toSeconds(), bodies[n - 1]);
            }
            return usedMemory(plainRedis) - before;
        });
    }

    private static long onConnection(RedisServer server, ToLongFunction<RedisCommands<String, String>> commands) {
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return commands.applyAsLong(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    /** The Redis key of the detail of listing {@code n}: the service's key under its default prefix. */
    private static String storedDetailKey(int n) {
        return "realestate:" + PropertyKeys.detailKey(tenant, new PropertyId("p" + n)).key();
    }

    @Test
    void detailsCachedByAReleaseWithoutTheDictionaryAreServedAsCached() {
        List<Compression> releases = List.of(Compression.off(), Compression.defaults().withThresholdBytes(64),
                Compression.defaults());
        for (int release = 0; release < releases.size(); release++) {
            PropertyId id = new PropertyId("p" + (PROPERTIES + 1 + release));
            RenderedView cachedBefore = new RenderedView("\"cached-by-release-" + release + "\"", "{\"id\":\"" + id.value()
                    + "\",\"note\":\"" + "as the release before the dictionary cached it ".repeat(4) + "\"}");
            try (CacheClient previousRelease = CacheClients.builder().redisUrl(cacheRedis.uri())
                    .keyPrefix("realestate:").compression(releases.get(release))
                    .meterRegistry(new SimpleMeterRegistry()).build()) {
                previousRelease.getOrLoad(PropertyKeys.detailKey(tenant, id), RenderedView.class, () -> cachedBefore,
                        DETAIL_TTL);
            }

            assertThat(service.getBean(PropertyReads.class).detail(tenant, id)).as("release %d", release)
                    .isEqualTo(cachedBefore);
        }
    }
}
