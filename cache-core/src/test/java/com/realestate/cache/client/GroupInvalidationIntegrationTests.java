package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.test.DisruptsRedis;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups of keys invalidated at once, in O(1), by moving the group to a new generation. */
@RedisTest
class GroupInvalidationIntegrationTests {

    private static final Duration TTL = Duration.ofMinutes(10);

    private final TestRedis redis;
    private final AtomicInteger loads = new AtomicInteger();
    private CacheClient cache;

    GroupInvalidationIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

    @BeforeEach
    void connect() {
        cache = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(new SimpleMeterRegistry()).build();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    private static CacheKey listKey(String tenant, int page) {
        return CacheKey.of("t:{" + tenant + "}:list:" + page, "t:{" + tenant + "}:lists", "t:{" + tenant + "}");
    }

    @Test
    void invalidatingAGroupMakesEveryOneOfItsKeysAMissAtOnce() {
        for (int page = 0; page < 100; page++) {
            int p = page;
            cache.getOrLoad(listKey("7", page), String.class, () -> load("page " + p), TTL);
        }
        assertThat(cache.get(listKey("7", 42), String.class)).contains("page 42");

        assertThat(cache.invalidateGroup("t:{7}:lists")).isEqualTo(WriteOutcome.WRITTEN);

        for (int page = 0; page < 100; page++) {
            assertThat(cache.get(listKey("7", page), String.class)).isEmpty();
        }
        cache.getOrLoad(listKey("7", 42), String.class, () -> load("page 42 again"), TTL);
        assertThat(cache.get(listKey("7", 42), String.class)).contains("page 42 again");
        assertThat(loads).hasValue(101);
    }

    @Test
    void otherGroupsAndUngroupedKeysAreUntouched() {
        cache.getOrLoad(listKey("7", 0), String.class, () -> load("tenant 7"), TTL);
        cache.getOrLoad(listKey("8", 0), String.class, () -> load("tenant 8"), TTL);
        cache.getOrLoad("t:{7}:other", String.class, () -> load("ungrouped"), TTL);

        cache.invalidateGroup("t:{7}:lists");

        assertThat(cache.get(listKey("8", 0), String.class)).contains("tenant 8");
        assertThat(cache.get("t:{7}:other", String.class)).contains("ungrouped");
    }

    @Test
    void aKeyIsInvalidatedByAnyOfItsGroups() {
        cache.getOrLoad(listKey("7", 0), String.class, () -> load("v1"), TTL);

        cache.invalidateGroup("t:{7}");

        assertThat(cache.get(listKey("7", 0), String.class)).isEmpty();
    }

    /** On a server of its own, so that INFO's command count sees only this test. */
    @Test
    @DisruptsRedis
    void groupInvalidationCostsOneCommandWhateverTheNumberOfKeys(RedisServer server) {
        try (CacheClient own = CacheClients.builder().redisUrl(server.uri()).meterRegistry(new SimpleMeterRegistry()).build()) {
            for (int page = 0; page < 2_000; page++) {
                int p = page;
                own.getOrLoad(listKey("7", page), String.class, () -> "page " + p, TTL);
            }
            long keysBefore = Long.parseLong(server.command("DBSIZE"));
            long commandsBefore = commandsProcessed(server);

            own.invalidateGroup("t:{7}:lists");

            assertThat(commandsProcessed(server) - commandsBefore).as("commands sent, INFO itself included")
                    .isLessThanOrEqualTo(2);
            assertThat(Long.parseLong(server.command("DBSIZE"))).as("no key deleted: old entries age out")
                    .isEqualTo(keysBefore);
            assertThat(own.get(listKey("7", 1_999), String.class)).isEmpty();
        }
    }

    private static long commandsProcessed(RedisServer server) {
        return server.command("INFO", "stats").lines()
                .filter(line -> line.startsWith("total_commands_processed:"))
                .map(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElseThrow();
    }

    @Test
    void aLoadThatBeganBeforeAGroupInvalidationIsNeverServedAfterIt() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> cache.getOrLoad(listKey("7", 0), String.class, () -> {
            read.countDown();
            try {
                proceed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "old rows";
        }, TTL));
        read.await();

        cache.invalidateGroup("t:{7}:lists");
        proceed.countDown();
        reader.join();

        assertThat(cache.get(listKey("7", 0), String.class)).isEmpty();
    }

    @Test
    void aCallerArrivingAfterAGroupInvalidationDoesNotJoinAnOlderLoad() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> cache.getOrLoad(listKey("7", 0), String.class, () -> {
            read.countDown();
            try {
                proceed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "old rows";
        }, TTL));
        read.await();

        cache.invalidateGroup("t:{7}:lists");
        Optional<String> later = cache.getOrLoad(listKey("7", 0), String.class, () -> "new rows",
                cache.loadPolicy().withTtl(TTL).withLease(Duration.ofSeconds(5), Duration.ZERO));
        proceed.countDown();

        assertThat(later).contains("new rows");
    }

    @Test
    void writeThroughStoresUnderTheCurrentGeneration() {
        cache.invalidateGroup("t:{7}:lists");

        cache.writeThrough(listKey("7", 0), "written", value -> { }, TTL);

        assertThat(cache.get(listKey("7", 0), String.class)).contains("written");
        cache.invalidateGroup("t:{7}:lists");
        assertThat(cache.get(listKey("7", 0), String.class)).isEmpty();
    }

    @Test
    void generationTokensAreElevenUrlSafeCharactersAndNewOnEveryInvalidation() {
        String generationKey = redis.keyPrefix() + "t:{7}:lists" + KeyNamespace.GENERATION_SUFFIX;
        cache.getOrLoad(listKey("7", 0), String.class, () -> load("v1"), TTL);
        String first = redis.command("GET", generationKey);

        cache.invalidateGroup("t:{7}:lists");
        String second = redis.command("GET", generationKey);

        assertThat(second).matches("[A-Za-z0-9_-]{11}").isNotEqualTo(first);
    }
}
