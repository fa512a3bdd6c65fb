package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.EventProcessor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BreakerMetersTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = CircuitBreaker.of("redis",
            GuardedRedis.breakerConfig(BreakerSettings.defaults().withMinimumCalls(2)));

    private double state(String state) {
        return registry.get(BreakerMeters.STATE).tag("name", "redis").tag("state", state).gauge().value();
    }

    @Test
    void theStateGaugesFollowTheBreakerWithoutAnyEventConsumer() {
        new BreakerMeters(breaker, registry);
        assertThat(((EventProcessor<?>) breaker.getEventPublisher()).hasConsumers())
                .as("a breaker with consumers builds an event per call").isFalse();
        assertThat(state("closed")).isEqualTo(1);

        breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("down"));
        breaker.onError(1, TimeUnit.MILLISECONDS, new IllegalStateException("down"));

        assertThat(state("open")).isEqualTo(1);
        assertThat(state("closed")).isZero();
        assertThat(registry.get(BreakerMeters.FAILURE_RATE).gauge().value()).isEqualTo(100);
        assertThat(registry.get(BreakerMeters.BUFFERED_CALLS).tag("kind", "failed").gauge().value()).isEqualTo(2);
    }

    @Test
    void closingRemovesTheBreakersMeters() {
        new BreakerMeters(breaker, registry).close();

        assertThat(registry.find(BreakerMeters.STATE).meters()).isEmpty();
        assertThat(registry.find(BreakerMeters.FAILURE_RATE).meters()).isEmpty();
    }
}
