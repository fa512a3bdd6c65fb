package com.realestate.benchmarks.stampede;

import com.realestate.benchmarks.data.Properties;
import com.realestate.benchmarks.data.Property;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One of the two processes of {@link StampedeComparison}: per round, waits at a barrier in Redis until both
 * processes are ready, then releases all its threads at once onto the same missing key. Arguments: Redis URI,
 * process number, rounds, threads, loader time in ms.
 */
public final class StampedeProcess {

    private static final Duration TTL = Duration.ofMinutes(10);

    private StampedeProcess() {
    }

    static String loadsKey(int round) {
        return "stampede:loads:" + round;
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        int rounds = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long loadMillis = Long.parseLong(args[4]);
        RedisClient client = RedisClient.create(uri);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (StatefulRedisConnection<String, String> connection = client.connect();
             CacheClient cache = CacheClients.builder().redisUrl(uri).keyPrefix("stampede:")
                     .meterRegistry(new SimpleMeterRegistry()).build()) {
            RedisCommands<String, String> redis = connection.sync();
            for (int round = 0; round < rounds; round++) {
                String key = "t:{tenant-1}:property:" + round + ":detail";
                int currentRound = round;
                CountDownLatch ready = new CountDownLatch(threads);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> calls = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    calls.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        return cache.getOrLoad(key, Property.class, () -> {
                            redis.incr(loadsKey(currentRound));
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(loadMillis));
                            return Properties.sample("tenant-1", currentRound);
                        }, TTL).orElseThrow();
                    }));
                }
                // Every caller of this process is at the gate before the other process is told it may start.
                if (!ready.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the callers of round " + round + " never reached the gate");
                }
                awaitBoth(redis, "stampede:barrier:" + round);
                go.countDown();
                for (Future<?> call : calls) {
                    call.get(1, TimeUnit.MINUTES);
                }
            }
        } finally {
            pool.shutdownNow();
            client.shutdown();
        }
    }

    /** A barrier across both processes: each counts itself in and waits until the other has too. */
    private static void awaitBoth(RedisCommands<String, String> redis, String barrier) {
        redis.incr(barrier);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (Long.parseLong(redis.get(barrier)) < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other stampede process never arrived at " + barrier);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
