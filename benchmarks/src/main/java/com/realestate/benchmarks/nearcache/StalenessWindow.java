package com.realestate.benchmarks.nearcache;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.test.RedisServer;
import com.realestate.cache.tier.NearCacheSettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How long another instance's near cache goes on serving a value after a write to it has returned: two clients on
 * one Redis (two connections, two stream readers, as two instances have), one reading a key that its near cache
 * holds, the other invalidating it. The window is the time from the invalidation's return to the start of the
 * first read on the other client that no longer gets the old value (that read itself then goes to Redis).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar com.realestate.benchmarks.nearcache.StalenessWindow
 * [rounds] [redis-url]}; without a URL it starts its own redis-server.
 */
public final class StalenessWindow {

    /** Pause between two reads of the polling reader: the resolution of the measurement. */
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    record Listing(String id, long version) {
    }

    private StalenessWindow() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        RedisServer server = args.length > 1 ? null : RedisServer.start();
        String url = server != null ? server.uri() : args[1];
        try (CacheClient writerClient = client(url, "writer"); CacheClient readerClient = client(url, "reader")) {
            CacheClient writer = writerClient.named("listings-writer", writerClient.loadPolicy())
                    .withNearCache(NearCacheSettings.defaults());
            CacheClient reader = readerClient.named("listings-reader", readerClient.loadPolicy())
                    .withNearCache(NearCacheSettings.defaults());
            Histogram windows = measure(writer, reader, rounds);
            System.out.printf(Locale.ROOT, "near-cache staleness window over %d writes (µs): p50 %.0f, p90 %.0f,"
                            + " p99 %.0f, max %.0f; poll resolution %d µs%n", windows.getTotalCount(),
                    micros(windows, 50), micros(windows, 90), micros(windows, 99),
                    windows.getMaxValue() / 1000.0, TimeUnit.NANOSECONDS.toMicros(POLL_NANOS));
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static CacheClient client(String url, String name) {
        return CacheClients.builder().redisUrl(url).keyPrefix("staleness:").name(name).meterRegistry(METERS).build();
    }

    private static double nearHits(String cache) {
        FunctionCounter hits = METERS.find("cache.near.gets").tag("cache", cache).tag("result", "hit").functionCounter();
        return hits == null ? 0 : hits.count();
    }

    private static double micros(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static Histogram measure(CacheClient writer, CacheClient reader, int rounds) throws InterruptedException {
        Histogram windows = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        AtomicLong source = new AtomicLong();
        for (int round = -100; round < rounds; round++) {
            long old = source.get();
            awaitNearHit(reader, source, old);
            AtomicLong seenAt = new AtomicLong();
            Thread poller = Thread.ofPlatform().start(() -> {
                while (true) {
                    long started = System.nanoTime();
                    if (read(reader, source) != old) {
                        seenAt.set(started);
                        return;
                    }
                    LockSupport.parkNanos(POLL_NANOS);
                }
            });
            source.incrementAndGet();
            writer.invalidate("k");
            long returned = System.nanoTime();
            poller.join();
            if (round >= 0) {
                windows.recordValue(Math.max(0, seenAt.get() - returned));
            }
        }
        return windows;
    }

    /** Reads until the reader's near cache serves {@code expected} (the first read after a write loads it). */
    private static void awaitNearHit(CacheClient reader, AtomicLong source, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        double hits = nearHits("listings-reader");
        while (read(reader, source) != expected || nearHits("listings-reader") == hits) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the reader never saw version " + expected);
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    private static long read(CacheClient reader, AtomicLong source) {
        return reader.getOrLoad("k", Listing.class, () -> new Listing("k", source.get()), Duration.ofMinutes(5))
                .orElseThrow().version();
    }
}
