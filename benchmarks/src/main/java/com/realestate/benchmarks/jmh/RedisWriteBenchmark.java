package com.realestate.benchmarks.jmh;

import com.realestate.benchmarks.data.Property;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Writes and misses of a ~1 KB property record. A miss-and-load uses a key never seen before, so every call
 * is a GET miss, a lease taken by script, the load and a fenced store: three round trips. Keys expire after a
 * few seconds so that a long run does not fill the server.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisWriteBenchmark {

    private static final Duration SHORT_TTL = Duration.ofSeconds(5);

    /** Numbers the keys of misses, unique across the threads of one fork. */
    @State(Scope.Benchmark)
    public static class MissKeys {
        private final AtomicLong next = new AtomicLong();

        String next() {
            return "miss:" + next.incrementAndGet();
        }
    }

    @Benchmark
    public Optional<Property> cacheMissAndLoad(Peers.OurCache ours, Records records, MissKeys keys) {
        int index = records.next();
        return ours.cache.getOrLoad(keys.next(), Property.class, () -> Records.record(index), SHORT_TTL);
    }

    @Benchmark
    public Object cacheSet(Peers.OurCache ours, Records records) {
        int index = records.next();
        return ours.cache.set(Records.key(index), Records.record(index), Peers.TTL);
    }

    /** The bare write for comparison: Jackson to a String, then SETEX. */
    @Benchmark
    public String bareLettuceSet(Peers.BareLettuce bare, Records records) {
        int index = records.next();
        return bare.redis.setex(Records.bareKey(index), Peers.TTL.toSeconds(),
                bare.mapper.writeValueAsString(Records.record(index)));
    }
}
