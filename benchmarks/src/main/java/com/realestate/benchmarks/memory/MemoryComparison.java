package com.realestate.benchmarks.memory;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.realestate.benchmarks.data.DetailViews;
import com.realestate.benchmarks.data.Properties;
import com.realestate.benchmarks.data.Property;
import com.realestate.benchmarks.jmh.Peers;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.Compression;
import com.realestate.cache.client.CompressionDictionary;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bytes Redis spends on 10,000 cached properties: as plain JSON SETs (what a hand-written cache stores), and
 * through this cache's {@code getOrLoad} with its defaults (which leave ~1.2 KB records plain), with zstd alone
 * and with zstd and a dictionary trained on 2,000 other records. Then, given the Property API's shipped dictionary
 * ({@code args[1]}, its {@code .zdict} file), the same for the service's detail views as its cache stores them
 * (~450 B bodies, under the service's keys). Each layout is written into an emptied server and measured by the
 * {@code used_memory} delta of {@code INFO memory} and by {@code MEMORY USAGE} of a sample of keys. {@code args[0]} is
 * the number of properties (default 10,000).
 */
public final class MemoryComparison {

    private static final Duration TTL = Duration.ofHours(1);
    private static final int SAMPLES = 200;

    private MemoryComparison() {
    }

    public static void main(String[] args) throws IOException {
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
                if (args.length > 1) {
                    serviceDetailViews(server, client, redis, count, CompressionDictionary.of(Files.readAllBytes(Path.of(args[1]))));
                }
            } finally {
                client.shutdown();
            }
        }
    }

    /**
     * The Property API's detail views as its cache stores them ({@link DetailViews}, listings the service's
     * dictionary never saw): their bodies as plain JSON SETs, cached by {@code getOrLoad} under the service's keys as
     * the service did before it shipped a dictionary (values this small stay plain), and with the dictionary it ships.
     */
    private static void serviceDetailViews(RedisServer server, RedisClient client, RedisCommands<String, String> redis,
                                           int count,
                                           CompressionDictionary shipped) {
        DetailViews.Detail[] details = new DetailViews.Detail[count];
        for (int i = 0; i < count; i++) {
            details[i] = DetailViews.detail("tenant-" + (i % 20), i);
        }
        System.out.printf(Locale.ROOT, "service detail views: mean body %.0f B, mean stored form %.0f B, dictionary %d%n",
                Arrays.stream(details).mapToInt(detail -> DetailViews.body(detail).length()).average().orElse(0),
                Arrays.stream(details).mapToInt(detail -> CacheClients.defaultJsonMapper()
                        .writeValueAsBytes(DetailViews.stored(detail)).length).average().orElse(0), shipped.id());
        long plain = measure("service_details_plain_json_set", redis, count, "json:", prefix -> {
            for (DetailViews.Detail detail : details) {
                redis.setex(prefix + detailKey(detail).key(), TTL.toSeconds(), DetailViews.body(detail));
            }
        }, 0);
        measure("service_details_getOrLoad_before", redis, count, "view:",
                prefix -> cacheViews(server, prefix, Compression.defaults(), details), plain);
        measure("service_details_getOrLoad_shipped_dict", redis, count, "vdic:",
                prefix -> cacheViews(server, prefix, Compression.dictionary(shipped), details), plain);
        layoutBounds(client, redis, details, shipped, plain);
    }

    /**
     * What other entry layouts would give for the same views, written as raw values under the same keys and TTL: a
     * header of {@code h} bytes (today's text header is ~36; 12 is about the least a binary one holding the same
     * tokens and times could take) before a zstd frame at level 3 or 19, whole or trimmed of its magic number and
     * dictionary id. It bounds what reworking the entry format could win on values this small.
     */
    private static void layoutBounds(RedisClient client, RedisCommands<String, String> redis, DetailViews.Detail[] details,
                                     CompressionDictionary shipped, long plainBytes) {
        byte[][] stored = Arrays.stream(details).map(detail -> CacheClients.defaultJsonMapper()
                .writeValueAsBytes(DetailViews.stored(detail))).toArray(byte[][]::new);
        try (StatefulRedisConnection<byte[], byte[]> binary = client.connect(ByteArrayCodec.INSTANCE)) {
            for (int level : new int[] {3, 19}) {
                for (boolean trimmed : new boolean[] {false, true}) {
                    try (ZstdDictCompress dictionary = new ZstdDictCompress(shipped.bytes(), level);
                         ZstdCompressCtx zstd = new ZstdCompressCtx()) {
                        zstd.loadDict(dictionary).setLevel(level).setMagicless(trimmed).setDictID(!trimmed);
                        byte[][] frames = Arrays.stream(stored).map(zstd::compress).toArray(byte[][]::new);
                        for (int header : new int[] {36, 12}) {
                            String name = String.format(Locale.ROOT, "layout_h%d_level%d%s", header, level,
                                    trimmed ? "_trimmed" : "");
                            measure(name, redis, details.length, "lay:", prefix -> {
                                for (int i = 0; i < details.length; i++) {
                                    byte[] value = new byte[header + frames[i].length];
                                    System.arraycopy(frames[i], 0, value, header, frames[i].length);
                                    binary.sync().psetex((prefix + detailKey(details[i]).key())
                                            .getBytes(StandardCharsets.UTF_8), TTL.toMillis(), value);
                                }
                            }, plainBytes);
                        }
                    }
                }
            }
        }
    }

    private static CacheKey detailKey(DetailViews.Detail detail) {
        return PropertyKeys.detailKey(new TenantId(detail.tenantId()), new PropertyId(detail.id()));
    }

    private static void cacheViews(RedisServer server, String prefix, Compression compression,
                                   DetailViews.Detail[] details) {
        try (CacheClient cache = CacheClients.builder().redisUrl(server.uri()).keyPrefix(prefix).compression(compression)
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            for (DetailViews.Detail detail : details) {
                cache.getOrLoad(detailKey(detail), DetailViews.StoredView.class, () -> DetailViews.stored(detail), TTL)
                        .orElseThrow();
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
