package com.realestate.benchmarks.jmh;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the circuit breaker adds to every Redis command of the cache (permission and success), with and without
 * Resilience4j's tagged Micrometer metrics, which listen to an event built for every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BreakerOverheadBenchmark {

    @Param({"false", "true"})
    public boolean taggedMetrics;

    private CircuitBreaker breaker;

    @Setup(Level.Trial)
    public void setUp() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(20).build());
        breaker = registry.circuitBreaker("redis");
        if (taggedMetrics) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(new SimpleMeterRegistry());
        }
    }

    @Benchmark
    public boolean permissionAndSuccess() {
        boolean permitted = breaker.tryAcquirePermission();
        breaker.onSuccess(120_000, TimeUnit.NANOSECONDS);
        return permitted;
    }
}
