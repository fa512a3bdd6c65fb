package com.realestate.benchmarks.jmh;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.realestate.benchmarks.data.Properties;
import com.realestate.benchmarks.data.Property;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.client.Compression;
import com.realestate.cache.memo.MemoizedFunction;
import com.realestate.cache.memo.Memoizer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contenders, each set up as its users would set it up, holding the same {@link Records} under the same
 * ids in one redis-server: bare Lettuce with Jackson, Spring Data Redis' {@code RedisCache}, this cache, and
 * Caffeine as the in-process bound.
 */
public final class Peers {

    public static final Duration TTL = Duration.ofHours(1);
    /**
     * Bare Lettuce and Spring wait up to 60 s for a reply; the cache's 500 ms default would turn a machine busy
     * with other work into timeouts and an open breaker, and the run would measure fallbacks, not hits.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** zstd without a dictionary for the ~1.2 KB records, which the default threshold leaves plain. */
    public static final Compression ZSTD = Compression.defaults().withThresholdBytes(512);

    private Peers() {
    }

    /** Lettuce with its defaults (String keys and values) and a default Jackson 3 mapper. */
    @State(Scope.Benchmark)
    public static class BareLettuce {
        public final JsonMapper mapper = JsonMapper.builder().build();
        private RedisClient client;
        private StatefulRedisConnection<String, String> connection;
        private StatefulRedisConnection<String, byte[]> bytesConnection;
        public RedisCommands<String, String> redis;
        public RedisCommands<String, byte[]> bytes;

        @Setup(Level.Trial)
        public void connect(LocalRedis server) {
            client = RedisClient.create(server.uri());
            connection = client.connect();
            bytesConnection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            redis = connection.sync();
            bytes = bytesConnection.sync();
            for (int i = 0; i < Records.COUNT; i++) {
                redis.setex(Records.bareKey(i), TTL.toSeconds(), mapper.writeValueAsString(Records.record(i)));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            bytesConnection.close();
            connection.close();
            client.shutdown();
        }
    }

    /** Spring Data Redis 4: a {@code RedisCacheManager} on a {@code LettuceConnectionFactory}, typed JSON values. */
    @State(Scope.Benchmark)
    public static class SpringRedisCache {
        private LettuceConnectionFactory factory;
        public RedisCache cache;

        @Setup(Level.Trial)
        public void connect(LocalRedis server) {
            factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
            factory.afterPropertiesSet();
            factory.start();
            RedisCacheConfiguration json = RedisCacheConfiguration.defaultCacheConfig()
                    .entryTtl(TTL)
                    .serializeValuesWith(
                            SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(Property.class)));
            RedisCacheManager manager = RedisCacheManager.builder(factory).cacheDefaults(json).build();
            manager.initializeCaches();
            cache = (RedisCache) manager.getCache("properties");
            for (int i = 0; i < Records.COUNT; i++) {
                cache.put(Records.key(i), Records.record(i));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            factory.destroy();
        }
    }

    /**
     * This cache with its defaults and a real meter registry, as a service runs it. Records are stored through
     * {@code getOrLoad} (headed entries, uncompressed at this size by default) for ungrouped and grouped keys,
     * and memoized.
     */
    @State(Scope.Benchmark)
    public static class OurCache {
        private static final CacheKey[] GROUPED = new CacheKey[Records.COUNT];

        static {
            for (int i = 0; i < Records.COUNT; i++) {
                GROUPED[i] = CacheKey.of("t:{" + Records.TENANT + "}:" + Records.key(i), "t:{" + Records.TENANT + "}");
            }
        }

        public CacheClient cache;
        public MemoizedFunction<Integer, Property> memoized;
        private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        private double missesAfterSetup;

        @Setup(Level.Trial)
        public void connect(LocalRedis server) {
            connect(server, Compression.defaults(), "ours:");
        }

        /** Connects with other compression settings, under a key prefix of its own. */
        public void connect(LocalRedis server, Compression compression, String keyPrefix) {
            cache = CacheClients.builder().redisUrl(server.uri()).keyPrefix(keyPrefix).compression(compression)
                    .commandTimeout(COMMAND_TIMEOUT).meterRegistry(meters).build();
            memoized = Memoizer.builder(cache, "property").ttl(TTL).function(Records::record, Property.class);
            for (int i = 0; i < Records.COUNT; i++) {
                int index = i;
                cache.getOrLoad(Records.key(i), Property.class, () -> Records.record(index), TTL);
                cache.getOrLoad(grouped(i), Property.class, () -> Records.record(index), TTL);
                memoized.apply(i);
            }
            missesAfterSetup = misses();
        }

        private double misses() {
            return meters.get("cache.gets").tag("result", "miss").functionCounter().count();
        }

        private String errors() {
            StringBuilder errors = new StringBuilder();
            meters.get("cache.errors").counters().stream().filter(c -> c.count() > 0).forEach(c ->
                    errors.append(' ').append(c.getId().getTag("kind")).append('=').append((long) c.count()));
            return errors.isEmpty() ? " none" : errors.toString();
        }

        /** The key of record {@code index} in its tenant's group, read with the group's token by one MGET. */
        public static CacheKey grouped(int index) {
            return GROUPED[index];
        }

        /** Says how many calls missed or failed during the measurement, so that a hit benchmark can be trusted. */
        @TearDown(Level.Trial)
        public void close() {
            System.out.printf("%n[ours] misses during the run: %.0f, errors:%s%n", misses() - missesAfterSetup, errors());
            cache.close();
        }
    }

    /** This cache with a zstd dictionary trained on other records: the smallest and fastest-to-read entries. */
    @State(Scope.Benchmark)
    public static class OurCacheWithDictionary {
        public final OurCache ours = new OurCache();

        @Setup(Level.Trial)
        public void connect(LocalRedis server) {
            ours.connect(server, Compression.dictionary(Properties.trainedDictionary()), "dict:");
        }

        @TearDown(Level.Trial)
        public void close() {
            ours.close();
        }
    }

    /** This cache compressing the records with zstd alone (from 512 bytes): what decompressing costs a hit. */
    @State(Scope.Benchmark)
    public static class OurCacheZstd {
        public final OurCache ours = new OurCache();

        @Setup(Level.Trial)
        public void connect(LocalRedis server) {
            ours.connect(server, ZSTD, "zstd:");
        }

        @TearDown(Level.Trial)
        public void close() {
            ours.close();
        }
    }

    /** A Caffeine cache holding every record: what an in-process hit costs. */
    @State(Scope.Benchmark)
    public static class CaffeineCache {
        public Cache<String, Property> cache;

        @Setup(Level.Trial)
        public void fill() {
            cache = Caffeine.newBuilder().maximumSize(10_000).build();
            for (int i = 0; i < Records.COUNT; i++) {
                cache.put(Records.key(i), Records.record(i));
            }
        }
    }
}
