package com.realestate.cache.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

@RedisTest
class MemoizerIntegrationTests {

    record Score(String propertyId, int value, Map<String, BigDecimal> components) {
    }

    private final TestRedis redis;
    private final AtomicInteger calls = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private CacheClient cache;

    MemoizerIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

    @BeforeEach
    void connect() {
        cache = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .meterRegistry(registry).build();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    private Score compute(String id) {
        calls.incrementAndGet();
        return new Score(id, id.length() * 10, Map.of("pricePerSqm", new BigDecimal("4123.50")));
    }

    @Test
    void aMemoizedFunctionComputesOncePerArgument() {
        MemoizedFunction<String, Score> score = Memoizer.builder(cache, "score").function(this::compute, Score.class);

        assertThat(score.apply("p-1")).isEqualTo(compute("p-1"));
        assertThat(score.apply("p-1")).isEqualTo(compute("p-1"));
        score.apply("p-22");

        assertThat(calls).as("two computations of ours, two of the test's own").hasValue(4);
        assertThat(redis.countKeys(redis.keyPrefix() + "score:*")).isEqualTo(2);
    }

    @Test
    void resultsLiveForTheMemoizersTtl() {
        MemoizedFunction<String, Score> score = Memoizer.builder(cache, "score").ttl(Duration.ofMinutes(30))
                .function(this::compute, Score.class);

        score.apply("p-1");

        String key = redis.command("SCAN", "0", "MATCH", redis.keyPrefix() + "score:*", "COUNT", "100").lines()
                .filter(line -> line.startsWith(redis.keyPrefix())).findFirst().orElseThrow();
        assertThat(Long.parseLong(redis.command("PTTL", key))).isBetween(Duration.ofMinutes(26).toMillis(),
                Duration.ofMinutes(30).toMillis());
    }

    @Test
    void clearingOneArgumentRecomputesOnlyThatOne() {
        MemoizedFunction<String, Score> score = Memoizer.builder(cache, "score").function(this::compute, Score.class);
        score.apply("p-1");
        score.apply("p-2");

        score.clear("p-1");
        score.apply("p-1");
        score.apply("p-2");

        assertThat(calls).hasValue(3);
    }

    @Test
    void clearingTheWholeMemoizerRecomputesEverythingAndLeavesOthersAlone() {
        MemoizedFunction<String, Score> score = Memoizer.builder(cache, "score").function(this::compute, Score.class);
        MemoizedFunction<String, Score> other = Memoizer.builder(cache, "other").function(this::compute, Score.class);
        score.apply("p-1");
        other.apply("p-1");

        score.clear();
        score.apply("p-1");
        other.apply("p-1");

        assertThat(calls).hasValue(3);
    }

    @Test
    void clearingAMemoizerLeavesOneWhoseNameStartsWithItsNameAndAColonAlone() {
        MemoizedFunction<String, Score> score = Memoizer.builder(cache, "score").function(this::compute, Score.class);
        MemoizedFunction<String, Score> nested = Memoizer.builder(cache, "score:v2").function(this::compute, Score.class);
        score.apply("p-1");
        nested.apply("p-1");

        score.clear();
        nested.apply("p-1");

        assertThat(calls).as("the nested name's result survived the clear").hasValue(2);
        assertThat(redis.countKeys(redis.keyPrefix() + "score%3Av2:*")).isEqualTo(1);
    }

    @Test
    void aCustomKeyBuilderAndPrefixDecideWhereEntriesLive() {
        MemoizedBiFunction<String, String, Score> byTenant = Memoizer.builder(cache, "tenant-score")
                .prefix("scores")
                .keyBuilder(arguments -> arguments.get(1) + ":" + arguments.get(0))
                .biFunction((id, tenant) -> compute(id), Score.class);

        byTenant.apply("p-1", "t-9");

        assertThat(redis.command("EXISTS", redis.keyPrefix() + "scores:t-9:p-1")).isEqualTo("1");
        assertThat(byTenant.apply("p-1", "t-9")).isEqualTo(compute("p-1"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void genericListsMapsAndOptionalsRoundTrip() {
        MemoizedFunction<Integer, List<Score>> top = Memoizer.builder(cache, "top")
                .function(n -> List.of(compute("a"), compute("bb")).subList(0, n), new TypeReference<>() {
                });
        MemoizedFunction<String, Optional<Score>> find = Memoizer.builder(cache, "find")
                .function(id -> id.isEmpty() ? Optional.empty() : Optional.of(compute(id)), new TypeReference<>() {
                });

        assertThat(top.apply(2)).isEqualTo(top.apply(2)).hasSize(2);
        assertThat(find.apply("p-1")).isEqualTo(find.apply("p-1")).contains(compute("p-1"));
        assertThat(find.apply("")).isEqualTo(find.apply("")).isEmpty();
        assertThat(redis.countKeys(redis.keyPrefix() + "find:*")).as("empty Optionals are cached too").isEqualTo(2);
    }

    @Test
    void aNullResultIsReturnedAndComputedAgainNextTime() {
        AtomicInteger lookups = new AtomicInteger();
        MemoizedFunction<String, Score> missing = Memoizer.builder(cache, "missing").function(id -> {
            lookups.incrementAndGet();
            return null;
        }, Score.class);

        assertThat(missing.apply("p-404")).isNull();
        assertThat(missing.apply("p-404")).isNull();
        assertThat(lookups).hasValue(2);
    }

    @Test
    void argumentsThatLookAlikeDoNotShareAnEntry() {
        MemoizedFunction<Object, String> describe = Memoizer.builder(cache, "describe")
                .function(argument -> argument.getClass().getSimpleName(), String.class);

        assertThat(describe.apply("1")).isEqualTo("String");
        assertThat(describe.apply(1)).isEqualTo("Integer");
    }

    @Test
    void aCheckedExceptionOfTheFunctionReachesTheCallersWaitingForItsResultToo() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MemoizedFunction<String, Score> failing = Memoizer.builder(cache, "failing").function(id -> {
            entered.countDown();
            awaitQuietly(release);
            return throwChecked(new IOException("source unreachable"));
        }, Score.class);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<Score> first = callers.submit(() -> failing.apply("p-1"));
            entered.await();
            Future<Score> second = callers.submit(() -> failing.apply("p-1"));
            await().until(() -> registry.find("cache.loads.coalesced").tag("cache", "failing").counter().count() == 1);

            release.countDown();

            await().until(second::isDone);
            assertThatThrownBy(first::get).hasCauseInstanceOf(IOException.class);
            assertThatThrownBy(second::get).hasCauseInstanceOf(IOException.class);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Throws a checked exception from a lambda, as Kotlin code or Lombok's {@code @SneakyThrows} do. */
    @SuppressWarnings("unchecked")
    private static <T, E extends Throwable> T throwChecked(Throwable exception) throws E {
        throw (E) exception;
    }
}
