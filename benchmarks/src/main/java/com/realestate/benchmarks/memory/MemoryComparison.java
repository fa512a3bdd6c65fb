package com.realestate.benchmarks.memory;

import com.realestate.benchmarks.data.Properties;
import com.realestate.benchmarks.data.Property;
import com.realestate.benchmarks.jmh.Peers;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.Compression;
import com.realestate.cache.test.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bytes Redis spends on 10,000 cached properties: as plain JSON SETs (what a hand-written cache stores), and
 * through this cache's {@code getOrLoad} with its defaults (which leave ~1.2 KB records plain), with zstd alone
 * and with zstd and a dictionary trained on 2,000 other records. Each layout is written into an emptied server
 * and measured by the {@code used_memory} delta of {@code INFO memory} and by {@code MEMORY USAGE} of a sample of
 * keys. {@code args[0]} is the number of properties (default 10,000).
 */
public final class MemoryComparison {

    private static final Duration TTL = Duration.ofHours(1);
    private static final int SAMPLES = 200;

    private MemoryComparison() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Property[] records = new Property[count];
        for (int i = 0; i < count; i++) {
            records[i] = Properties.sample("tenant-" + (i % 20), i);
        }
        try (RedisServer server = RedisServer.start()) {
            RedisClient client = RedisClient.create(server.uri());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                RedisCommands<String, String> redis = connection.sync();
                JsonMapper mapper = JsonMapper.builder().build();
                long plain = measure("plain_json_set", redis, count, "json:", prefix -> {
                    for (int i = 0; i < count; i++) {
                        redis.setex(prefix + key(records[i]), TTL.toSeconds(), mapper.writeValueAsString(records[i]));
                    }
                }, 0);
                measure("cache_getOrLoad_defaults", redis, count, "ours:",
                        prefix -> loadAll(server, prefix, Compression.defaults(), records), plain);
                measure("cache_getOrLoad_zstd", redis, count, "zstd:",
                        prefix -> loadAll(server, prefix, Peers.ZSTD, records), plain);
                Compression dictionary = Compression.dictionary(Properties.trainedDictionary());
                measure("cache_getOrLoad_zstd_dictionary", redis, count, "dict:",
                        prefix -> loadAll(server, prefix, dictionary, records), plain);
            } finally {
                client.shutdown();
            }
        }
    }

    private static String key(Property property) {
        return "t:{" + property.tenantId() + "}:property:" + property.id() + ":detail";
    }

    private static void loadAll(RedisServer server, String prefix, Compression compression, Property[] records) {
        try (CacheClient cache = CacheClients.builder().redisUrl(server.uri()).keyPrefix(prefix).compression(compression)
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            for (Property record : records) {
                cache.getOrLoad(key(record), Property.class, () -> record, TTL).orElseThrow();
            }
        }
    }

    /** Empties the server, writes one layout, prints its memory; returns the used_memory delta in bytes. */
    private static long measure(String name, RedisCommands<String, String> redis, int count, String prefix,
                                Consumer<String> write, long plainBytes) {
        redis.flushall();
        long before = usedMemory(redis);
        write.accept(prefix);
        long delta = usedMemory(redis) - before;
        long sampled = 0;
        int samples = 0;
        String cursorKey;
        for (int i = 0; i < SAMPLES; i++) {
            cursorKey = redis.randomkey();
            Long usage = redis.memoryUsage(cursorKey);
            if (usage != null) {
                sampled += usage;
                samples++;
            }
        }
        System.out.printf(Locale.ROOT, "%-32s keys=%d used_memory_delta=%d per_key=%.0f memory_usage_mean=%.0f%s%n",
                name, redis.dbsize(), delta, delta / (double) count, sampled / (double) Math.max(1, samples),
                plainBytes > 0 ? String.format(Locale.ROOT, " vs_plain=%.3f (target <= 0.5)", delta / (double) plainBytes)
                        : "");
        return delta;
    }

    private static long usedMemory(RedisCommands<String, String> redis) {
        for (String line : redis.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }
}
