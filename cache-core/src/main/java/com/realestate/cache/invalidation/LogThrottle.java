package com.realestate.cache.invalidation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one warning through per interval, so that an outage or a misbehaving publisher shows in the log as a few
 * lines with a count rather than one line per event (the meters count every one).
 */
final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * The number of warnings suppressed since the last one let through (0 or more), or -1 when this one is to be
     * suppressed as well.
     */
    long permit() {
        long now = System.nanoTime();
        long allowed = nextAllowed.get();
        if ((allowed == Long.MIN_VALUE || now - allowed >= 0) && nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }
}
