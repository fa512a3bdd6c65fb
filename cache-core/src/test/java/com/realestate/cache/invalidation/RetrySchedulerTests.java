package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrySchedulerTests {

    @Test
    void attemptsAreRepeatedUntilNothingIsLeftAndThenStop() {
        AtomicInteger attempts = new AtomicInteger();
        try (RetryScheduler retries = new RetryScheduler("test-retry", Duration.ofMillis(5), Duration.ofMillis(20),
                () -> attempts.incrementAndGet() >= 3)) {
            retries.wake();

            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                    .until(() -> attempts.get() == 3);
        }
    }

    @Test
    void anAttemptThatThrowsIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        try (RetryScheduler retries = new RetryScheduler("test-retry", Duration.ofMillis(5), Duration.ofMillis(20),
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("boom");
                    }
                    return true;
                })) {
            retries.wake();

            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 2);
        }
    }

    @Test
    void aWakeAfterTheLastAttemptStartsAnother() {
        AtomicInteger attempts = new AtomicInteger();
        try (RetryScheduler retries = new RetryScheduler("test-retry", Duration.ofMillis(5), Duration.ofMillis(20),
                () -> attempts.incrementAndGet() > 0)) {
            retries.wake();
            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);

            retries.wake();

            await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 2);
        }
    }

    @Test
    void aClosedSchedulerAttemptsNothing() {
        AtomicInteger attempts = new AtomicInteger();
        RetryScheduler retries = new RetryScheduler("test-retry", Duration.ofMillis(5), Duration.ofMillis(20),
                () -> attempts.incrementAndGet() > 0);
        retries.close();

        retries.wake();

        assertThat(attempts).hasValue(0);
    }
}
