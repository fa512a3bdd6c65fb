package com.realestate.cache.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The breaker's gauges, under Resilience4j's metric names, read from the breaker when the registry is scraped.
 * Resilience4j's own binder records every call from an event object, and a breaker with event consumers allocates
 * one (with a timestamp) per command; these gauges let the breaker run without consumers, so that a hit allocates
 * nothing for it. Call durations are {@code cache.redis.latency}, failures {@code cache.errors}; the
 * {@link RecoveryProbe}'s PINGs are counted here too.
 */
final class BreakerMeters implements AutoCloseable {

    static final String STATE = "resilience4j.circuitbreaker.state";
    static final String FAILURE_RATE = "resilience4j.circuitbreaker.failure.rate";
    static final String BUFFERED_CALLS = "resilience4j.circuitbreaker.buffered.calls";
    static final String PROBES = "cache.redis.probes";

    private final MeterRegistry registry;
    private final List<Meter> mine = new ArrayList<>();
    private final Counter answered;
    private final Counter unanswered;

    BreakerMeters(CircuitBreaker breaker, MeterRegistry registry) {
        this.registry = registry;
        Tags name = Tags.of("name", breaker.getName());
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            mine.add(Gauge.builder(STATE, breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the breaker's current state, 0 for the others")
                    .tags(name.and("state", state.name().toLowerCase(Locale.ROOT)))
                    .register(registry));
        }
        mine.add(Gauge.builder(FAILURE_RATE, breaker, b -> b.getMetrics().getFailureRate())
                .description("Failure rate of the calls in the breaker's window, in percent (-1 until enough calls)")
                .tags(name).register(registry));
        mine.add(Gauge.builder(BUFFERED_CALLS, breaker, b -> b.getMetrics().getNumberOfSuccessfulCalls())
                .description("Calls in the breaker's window").tags(name.and("kind", "successful")).register(registry));
        mine.add(Gauge.builder(BUFFERED_CALLS, breaker, b -> b.getMetrics().getNumberOfFailedCalls())
                .description("Calls in the breaker's window").tags(name.and("kind", "failed")).register(registry));
        answered = probeCounter(name, "answered");
        unanswered = probeCounter(name, "unanswered");
    }

    private Counter probeCounter(Tags name, String result) {
        Counter counter = Counter.builder(PROBES)
                .description("PINGs sent while the breaker is open, by whether Redis answered")
                .tags(name.and("result", result)).register(registry);
        mine.add(counter);
        return counter;
    }

    /** Counts one {@link RecoveryProbe} PING. */
    void probed(boolean redisAnswered) {
        (redisAnswered ? answered : unanswered).increment();
    }

    @Override
    public void close() {
        mine.forEach(registry::remove);
    }
}
