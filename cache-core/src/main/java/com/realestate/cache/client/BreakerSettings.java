package com.realestate.cache.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When the circuit breaker in front of Redis opens and how it probes for recovery. While it is open,
 * every call returns at once as a miss or a failed write instead of waiting out a command timeout.
 *
 * @param failureRatePercent failure rate (1-100) over the window at which the breaker opens
 * @param minimumCalls       calls needed in the window before the rate is judged
 * @param windowSize         number of most recent calls the rate is computed over
 * @param openDuration       how long the breaker stays open before a background PING asks whether Redis answers
 *                           again; while it does not, the breaker stays open and asks again after as long
 * @param probeCalls         calls let through while half-open (after a PING was answered) to decide whether Redis
 *                           is back
 */
public record BreakerSettings(
        int failureRatePercent, int minimumCalls, int windowSize, Duration openDuration, int probeCalls) {

    /** Opens after 5 of the last calls mostly failed; probes again after one second. */
    public static BreakerSettings defaults() {
        return new BreakerSettings(50, 5, 20, Duration.ofSeconds(1), 3);
    }

    public BreakerSettings {
        Objects.requireNonNull(openDuration, "openDuration");
        requireRange("failureRatePercent", failureRatePercent, 1, 100);
        requireRange("minimumCalls", minimumCalls, 1, 10_000);
        requireRange("windowSize", windowSize, 1, 10_000);
        requireRange("probeCalls", probeCalls, 1, 1_000);
        if (openDuration.compareTo(Duration.ofMillis(1)) < 0) {
            throw new CacheConfigurationException("openDuration must be at least 1 ms, was " + openDuration);
        }
    }

    public BreakerSettings withOpenDuration(Duration value) {
        return new BreakerSettings(failureRatePercent, minimumCalls, windowSize, value, probeCalls);
    }

    public BreakerSettings withMinimumCalls(int value) {
        return new BreakerSettings(failureRatePercent, value, Math.max(windowSize, value), openDuration, probeCalls);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CacheConfigurationException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
