package com.realestate.cache.spring;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/** At most one warning per interval, so that an outage is a few log lines rather than one per request. */
final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong lastNanos;
    private final AtomicLong skipped = new AtomicLong();

    ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.lastNanos = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** Logs the SLF4J pattern unless a warning went out less than an interval ago; then counts it for the next one. */
    void warn(String pattern, Object... arguments) {
        long now = System.nanoTime();
        long last = lastNanos.get();
        if (now - last < intervalNanos || !lastNanos.compareAndSet(last, now)) {
            skipped.incrementAndGet();
            return;
        }
        long before = skipped.getAndSet(0);
        if (log.isWarnEnabled()) {
            log.warn(before == 0 ? pattern : pattern + " (and " + before + " similar warnings before)", arguments);
        }
    }
}
