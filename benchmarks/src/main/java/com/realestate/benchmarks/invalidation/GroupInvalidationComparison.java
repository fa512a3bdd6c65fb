package com.realestate.benchmarks.invalidation;

import com.realestate.cache.client.BulkDeleteResult;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.client.WriteOutcome;
import com.realestate.cache.test.RedisServer;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Invalidates one tenant's keys with a million of them present, two ways: this cache's O(1) group invalidation,
 * and SCAN + UNLINK by pattern (the cache's own {@code deletePattern}, which is what a pattern delete costs).
 * The keys hold entries byte for byte as the cache writes them, copied from one it loaded, so that the group
 * invalidation is measured against real entries. Prints one line per measure; {@code args[0]} is the number of
 * keys (default 1,000,000).
 */
public final class GroupInvalidationComparison {

    private static final String TENANT_GROUP = "t:{tenant-1}";
    private static final Duration TTL = Duration.ofHours(1);
    private static final int PIPELINE = 10_000;
    private static final int GROUP_ROUNDS = 1_000;

    private GroupInvalidationComparison() {
    }

    public static void main(String[] args) {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (RedisServer server = RedisServer.start();
             CacheClient cache = CacheClients.builder().redisUrl(server.uri()).keyPrefix("bench:")
                     .meterRegistry(new SimpleMeterRegistry()).build()) {
            RedisClient client = RedisClient.create(server.uri());
            try (StatefulRedisConnection<String, byte[]> raw =
                         client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
                long populateNanos = populate(cache, raw, keys);
                System.out.printf(Locale.ROOT, "keys=%d populate_s=%.1f dbsize=%d%n", keys, populateNanos / 1e9,
                        raw.sync().dbsize());

                long[] groupNanos = new long[GROUP_ROUNDS];
                for (int i = 0; i < GROUP_ROUNDS; i++) {
                    long start = System.nanoTime();
                    WriteOutcome outcome = cache.invalidateGroup(TENANT_GROUP);
                    groupNanos[i] = System.nanoTime() - start;
                    require(outcome == WriteOutcome.WRITTEN, "group invalidation failed");
                }
                require(cache.get(CacheKey.of(key(keys / 2), TENANT_GROUP), String.class).isEmpty(),
                        "an invalidated key was still served");
                Arrays.sort(groupNanos);
                double groupMedianMicros = groupNanos[GROUP_ROUNDS / 2] / 1e3;
                System.out.printf(Locale.ROOT, "invalidateGroup rounds=%d median_us=%.1f p99_us=%.1f max_us=%.1f%n",
                        GROUP_ROUNDS, groupMedianMicros, groupNanos[GROUP_ROUNDS * 99 / 100] / 1e3,
                        groupNanos[GROUP_ROUNDS - 1] / 1e3);

                long start = System.nanoTime();
                BulkDeleteResult deleted = cache.deletePattern(TENANT_GROUP + ":*");
                double scanMillis = (System.nanoTime() - start) / 1e6;
                require(deleted.complete(), "the SCAN deletion did not complete");
                System.out.printf(Locale.ROOT, "scanUnlink deleted=%d ms=%.1f%n", deleted.deleted(), scanMillis);
                System.out.printf(Locale.ROOT, "ratio scan/group=%.0f (target >= 1000)%n",
                        scanMillis * 1e3 / groupMedianMicros);
            } finally {
                client.shutdown();
            }
        }
    }

    private static String key(int index) {
        return TENANT_GROUP + ":property:" + index + ":detail";
    }

    /** Loads one entry through the cache, then writes its exact bytes under every other key, pipelined. */
    private static long populate(CacheClient cache, StatefulRedisConnection<String, byte[]> raw, int keys) {
        long start = System.nanoTime();
        cache.getOrLoad(CacheKey.of(key(0), TENANT_GROUP), String.class, () -> "cached detail", TTL);
        byte[] entry = raw.sync().get("bench:" + key(0));
        require(entry != null, "the cache did not store the first entry");
        RedisAsyncCommands<String, byte[]> async = raw.async();
        raw.setAutoFlushCommands(false);
        try {
            SetArgs ttl = SetArgs.Builder.px(TTL.toMillis());
            List<RedisFuture<String>> batch = new ArrayList<>(PIPELINE);
            for (int i = 1; i < keys; i++) {
                batch.add(async.set("bench:" + key(i), entry, ttl));
                if (batch.size() == PIPELINE || i == keys - 1) {
                    raw.flushCommands();
                    require(LettuceFutures.awaitAll(1, TimeUnit.MINUTES, batch.toArray(new RedisFuture[0])),
                            "a pipelined write did not finish");
                    batch.clear();
                }
            }
        } finally {
            raw.setAutoFlushCommands(true);
        }
        require(cache.get(CacheKey.of(key(keys - 1), TENANT_GROUP), String.class).isPresent(),
                "a copied entry is not served before the invalidation");
        return System.nanoTime() - start;
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
