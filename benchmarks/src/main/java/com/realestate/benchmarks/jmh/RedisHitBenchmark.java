package com.realestate.benchmarks.jmh;

import com.realestate.benchmarks.data.Property;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * A cache hit of a ~1 KB property record, by every contender in the same run against the same redis-server.
 * {@code bareLettuce*} is the limit a Redis hit can reach: one GET and one Jackson decode. Run with {@code -t 1}
 * and {@code -t 4}, and {@code -prof gc} for the bytes allocated per hit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisHitBenchmark {

    /** Lettuce's defaults as a team would use them: String values, then Jackson. */
    @Benchmark
    public Property bareLettuceGetAndDecode(Peers.BareLettuce bare, Records records) {
        String json = bare.redis.get(Records.bareKey(records.next()));
        return bare.mapper.readValue(json, Property.class);
    }

    /** The tightest bare read: byte[] values straight into Jackson, no String in between. */
    @Benchmark
    public Property bareLettuceBytesGetAndDecode(Peers.BareLettuce bare, Records records) {
        byte[] json = bare.bytes.get(Records.bareKey(records.next()));
        return bare.mapper.readValue(json, Property.class);
    }

    /** What Spring users already have: {@code RedisCache.get(key, type)}. */
    @Benchmark
    public Property springRedisCacheGet(Peers.SpringRedisCache spring, Records records) {
        return spring.cache.get(Records.key(records.next()), Property.class);
    }

    @Benchmark
    public Optional<Property> cacheGet(Peers.OurCache ours, Records records) {
        return ours.cache.get(Records.key(records.next()), Property.class);
    }

    /** The same read of entries compressed with zstd alone. */
    @Benchmark
    public Optional<Property> cacheGetZstd(Peers.OurCacheZstd zstd, Records records) {
        return zstd.ours.cache.get(Records.key(records.next()), Property.class);
    }

    /** The same read of entries compressed with a trained zstd dictionary. */
    @Benchmark
    public Optional<Property> cacheGetWithDictionary(Peers.OurCacheWithDictionary dictionary, Records records) {
        return dictionary.ours.cache.get(Records.key(records.next()), Property.class);
    }

    @Benchmark
    public Optional<Property> cacheGetOrLoad(Peers.OurCache ours, Records records) {
        int index = records.next();
        return ours.cache.getOrLoad(Records.key(index), Property.class, () -> Records.record(index), Peers.TTL);
    }

    /** A key in a group: the entry and its group's token are read by one MGET instead of a GET. */
    @Benchmark
    public Optional<Property> cacheGetOrLoadGrouped(Peers.OurCache ours, Records records) {
        int index = records.next();
        return ours.cache.getOrLoad(Peers.OurCache.grouped(index), Property.class, () -> Records.record(index),
                Peers.TTL);
    }

    @Benchmark
    public Property memoizedCall(Peers.OurCache ours, Records records) {
        return ours.memoized.apply(records.next());
    }

    /** The in-process bound: a Caffeine hit, no network. */
    @Benchmark
    public Property caffeineGetIfPresent(Peers.CaffeineCache caffeine, Records records) {
        return caffeine.cache.getIfPresent(Records.key(records.next()));
    }
}
