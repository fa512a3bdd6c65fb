package com.realestate.benchmarks.hit;

import com.realestate.benchmarks.data.Property;
import com.realestate.benchmarks.jmh.LocalRedis;
import com.realestate.benchmarks.jmh.Peers;
import com.realestate.benchmarks.jmh.Records;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * The hit ratios of the JMH targets measured so that a busy machine cannot bias them: the contenders take turns
 * in short slices, round after round, in one JVM against one redis-server, and each round's throughput is
 * divided by the bare GET's in the same round. Prints the median ops/s and the median paired ratio to
 * {@code bareLettuceBytesGetAndDecode} and {@code springRedisCacheGet}, and the process CPU time per operation
 * (caller, Lettuce's event loop and GC together), which a busy machine disturbs least. Arguments: rounds
 * (default 30), slice in ms (default 400), callers (default 1: one thread; more run that many virtual threads at
 * once on each contender's one shared connection, as the requests of a service do).
 */
public final class InterleavedHitComparison {

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static volatile Object sink;

    private InterleavedHitComparison() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long sliceNanos = (args.length > 1 ? Long.parseLong(args[1]) : 400) * 1_000_000;
        int callers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        LocalRedis redis = new LocalRedis();
        redis.start();
        Peers.BareLettuce bare = new Peers.BareLettuce();
        Peers.SpringRedisCache spring = new Peers.SpringRedisCache();
        Peers.OurCache ours = new Peers.OurCache();
        Peers.OurCacheZstd zstd = new Peers.OurCacheZstd();
        Peers.OurCacheWithDictionary dictionary = new Peers.OurCacheWithDictionary();
        try {
            bare.connect(redis);
            spring.connect(redis);
            ours.connect(redis);
            zstd.connect(redis);
            dictionary.connect(redis);
            Map<String, IntFunction<Object>> contenders = new LinkedHashMap<>();
            contenders.put("bareLettuceBytesGetAndDecode",
                    i -> bare.mapper.readValue(bare.bytes.get(Records.bareKey(i)), Property.class));
            contenders.put("bareLettuceGetAndDecode",
                    i -> bare.mapper.readValue(bare.redis.get(Records.bareKey(i)), Property.class));
            contenders.put("springRedisCacheGet",
                    i -> spring.cache.get(Records.key(i), Property.class));
            contenders.put("cacheGet", i -> ours.cache.get(Records.key(i), Property.class));
            contenders.put("cacheGetZstd", i -> zstd.ours.cache.get(Records.key(i), Property.class));
            contenders.put("cacheGetWithDictionary", i -> dictionary.ours.cache.get(Records.key(i), Property.class));
            contenders.put("cacheGetOrLoad", i -> ours.cache.getOrLoad(Records.key(i),
                    Property.class, () -> Records.record(i), Peers.TTL));
            contenders.put("cacheGetOrLoadGrouped", i -> ours.cache.getOrLoad(Peers.OurCache.grouped(i),
                    Property.class, () -> Records.record(i), Peers.TTL));
            contenders.put("memoizedCall", i -> ours.memoized.apply(i));
            Map<String, List<Double>> throughput = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            contenders.keySet().forEach(name -> throughput.put(name, new ArrayList<>()));
            contenders.keySet().forEach(name -> cpu.put(name, new ArrayList<>()));
            for (int round = -3; round < rounds; round++) {
                for (Map.Entry<String, IntFunction<Object>> contender : contenders.entrySet()) {
                    double[] measured = callers == 1 ? slice(contender.getValue(), sliceNanos)
                            : concurrentSlice(contender.getValue(), sliceNanos, callers);
                    if (round >= 0) {
                        throughput.get(contender.getKey()).add(measured[0]);
                        cpu.get(contender.getKey()).add(measured[1]);
                    }
                }
            }
            report(throughput, cpu, rounds);
        } finally {
            ours.close();
            zstd.close();
            dictionary.close();
            spring.close();
            bare.close();
            redis.stop();
        }
    }

    /** Runs one contender for a slice: its ops/s and the process CPU time per operation, in µs. */
    private static double[] slice(IntFunction<Object> contender, long sliceNanos) {
        long cpuStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        long deadline = start + sliceNanos;
        long operations = 0;
        int index = 0;
        long now;
        do {
            index = (index + 1) & (Records.COUNT - 1);
            sink = contender.apply(index);
            operations++;
            now = System.nanoTime();
        } while (now < deadline);
        long cpuNanos = PROCESS.getProcessCpuTime() - cpuStart;
        return new double[] {operations * 1e9 / (now - start), cpuNanos / 1e3 / operations};
    }

    /** Runs one contender for a slice from {@code callers} virtual threads at once: ops/s and CPU µs per operation. */
    private static double[] concurrentSlice(IntFunction<Object> contender, long sliceNanos, int callers) {
        LongAdder operations = new LongAdder();
        long cpuStart = PROCESS.getProcessCpuTime();
        long start = System.nanoTime();
        long deadline = start + sliceNanos;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int caller = 0; caller < callers; caller++) {
                int first = caller * 97;
                threads.submit(() -> {
                    int index = first;
                    while (System.nanoTime() < deadline) {
                        index = (index + 1) & (Records.COUNT - 1);
                        sink = contender.apply(index);
                        operations.increment();
                    }
                });
            }
        }
        long elapsed = System.nanoTime() - start;
        long cpuNanos = PROCESS.getProcessCpuTime() - cpuStart;
        return new double[] {operations.sum() * 1e9 / elapsed, cpuNanos / 1e3 / operations.sum()};
    }

    private static void report(Map<String, List<Double>> throughput, Map<String, List<Double>> cpu, int rounds) {
        List<Double> bare = throughput.get("bareLettuceBytesGetAndDecode");
        List<Double> spring = throughput.get("springRedisCacheGet");
        System.out.printf(Locale.ROOT, "%-30s %10s %9s %10s %14s%n", "contender (median of " + rounds + ")",
                "ops/s", "vs bare", "vs spring", "cpu us/op");
        for (Map.Entry<String, List<Double>> entry : throughput.entrySet()) {
            List<Double> mine = entry.getValue();
            double[] toBare = new double[rounds];
            double[] toSpring = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                toBare[i] = mine.get(i) / bare.get(i);
                toSpring[i] = mine.get(i) / spring.get(i);
            }
            System.out.printf(Locale.ROOT, "%-30s %10.0f %9.3f %10.3f %14.1f%n", entry.getKey(), median(values(mine)),
                    median(toBare), median(toSpring), median(values(cpu.get(entry.getKey()))));
        }
    }

    private static double[] values(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The median of {@code values}: the mean of the two middle ones when their count is even. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
