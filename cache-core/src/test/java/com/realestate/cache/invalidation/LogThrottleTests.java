package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTests {

    @Test
    void theFirstWarningPassesAndTheNextOnesWithinTheIntervalAreCounted() {
        LogThrottle throttle = new LogThrottle(Duration.ofHours(1));

        assertThat(throttle.permit()).isZero();
        assertThat(throttle.permit()).isEqualTo(-1);
        assertThat(throttle.permit()).isEqualTo(-1);
    }

    @Test
    void afterTheIntervalAWarningPassesWithTheCountOfThoseSuppressed() {
        LogThrottle throttle = new LogThrottle(Duration.ofMillis(100));
        throttle.permit();
        throttle.permit();
        throttle.permit();
        AtomicLong passed = new AtomicLong(-1);

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            passed.set(throttle.permit());
            return passed.get() >= 0;
        });

        assertThat(passed.get()).isGreaterThanOrEqualTo(2);
    }
}
