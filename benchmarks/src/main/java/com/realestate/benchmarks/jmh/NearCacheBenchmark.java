package com.realestate.benchmarks.jmh;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.realestate.benchmarks.data.Properties;
import com.realestate.benchmarks.data.Property;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.tier.NearCache;
import com.realestate.cache.tier.NearCacheSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A near-cache hit next to a bare Caffeine hit: what coherence (stamps, the serving switch) and the client's API
 * cost on top of the in-process lookup itself. Redis is real, so the near cache is fed by a real stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NearCacheBenchmark {

    /** The ~1 KB property record of every benchmark here. */
    private static final Property LISTING = Properties.sample("acme", 42);
    private static final CacheKey GROUPED = CacheKey.of("t:{acme}:property:42", "t:{acme}:all");

    private RedisServer server;
    private CacheClient client;
    private CacheClient near;
    private Cache<String, Property> caffeine;
    private NearCache tier;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        server = RedisServer.start();
        client = CacheClients.builder().redisUrl(server.uri()).keyPrefix("bench:")
                .meterRegistry(new SimpleMeterRegistry()).build();
        near = client.named("near", client.loadPolicy()).withNearCache(NearCacheSettings.defaults());
        caffeine = Caffeine.newBuilder().maximumSize(10_000).build();
        caffeine.put("property:42", LISTING);
        tier = new NearCache(NearCacheSettings.defaults());
        tier.resume();
        tier.fill(tier.stamp("property:42"), "property:42", Property.class, LISTING, Duration.ofHours(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!servedFromNearCache()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the near cache never started serving");
            }
            Thread.sleep(10);
        }
    }

    /** True once two reads in a row did not reach the loader: the second came from process memory. */
    private boolean servedFromNearCache() {
        near.getOrLoad("property:42", Property.class, () -> LISTING, Duration.ofHours(1));
        near.getOrLoad(GROUPED, Property.class, () -> LISTING, Duration.ofHours(1));
        boolean[] loaded = new boolean[1];
        near.getOrLoad("property:42", Property.class, () -> {
            loaded[0] = true;
            return LISTING;
        }, Duration.ofHours(1));
        return !loaded[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        server.close();
    }

    /** The in-process limit: Caffeine's own lookup. */
    @Benchmark
    public Property caffeineHit() {
        return caffeine.getIfPresent("property:42");
    }

    /** The near-cache tier alone, without the client around it. */
    @Benchmark
    public Object tierHit() {
        return tier.lookup("property:42", Property.class).value();
    }

    /** Our near-cache hit through {@code getOrLoad}, as the service reads. */
    @Benchmark
    public Optional<Property> nearCacheGetOrLoadHit() {
        return near.getOrLoad("property:42", Property.class, () -> LISTING, Duration.ofHours(1));
    }

    /** The same with a key in a group, which adds a group-epoch check. */
    @Benchmark
    public Optional<Property> nearCacheGroupedHit() {
        return near.getOrLoad(GROUPED, Property.class, () -> LISTING, Duration.ofHours(1));
    }

    /** A plain {@code get}. */
    @Benchmark
    public Optional<Property> nearCacheGetHit() {
        return near.get("property:42", Property.class);
    }
}
