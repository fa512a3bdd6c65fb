/**
 * Measurements of the cache next to the peers a Java team would use instead, side by side in one run; see
 * {@code docs/PERFORMANCE.md} for the figures and the commands that reproduce them.
 *
 * <ul>
 *   <li>{@code jmh}: JMH benchmarks against a real redis-server on loopback ({@code benchmarks/run-jmh.sh}):
 *       a hit by bare Lettuce + Jackson, Spring Data Redis' {@code RedisCache}, this cache ({@code get},
 *       {@code getOrLoad} ungrouped and grouped, memoized calls) and Caffeine; misses, loads and writes; the
 *       LZ4-or-zstd choice. The near cache's hit belongs in a {@code NearCacheBenchmark} class of that package,
 *       which the script already includes.</li>
 *   <li>{@code hit}: the same hits taking turns in short slices, for ratios a busy machine cannot bias.</li>
 *   <li>{@code invalidation}, {@code stampede}, {@code memory}, {@code compression}: plain programs
 *       ({@code benchmarks/run-scenarios.sh}) for group invalidation at a million keys, 500 concurrent misses
 *       from two processes, Redis memory of 10,000 properties, and compression ratios.</li>
 * </ul>
 */
package com.realestate.benchmarks;
