package com.realestate.property.cache;

import com.realestate.cache.invalidation.DurableInvalidator;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Takes over, at every relay interval, the invalidations other instances left pending in PostgreSQL: one that an
 * instance could not carry out before it stopped (a manual invalidation during a Redis outage has no event for the
 * relay to publish) is carried out by the instances still running, instead of waiting for the next one to start,
 * and until it lands their reads of what it touches skip the cache. The invalidator's own retries carry it out, with
 * their back-off: this only reads the outbox.
 */
final class PendingInvalidationTakeover implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PendingInvalidationTakeover.class);

    private final DurableInvalidator invalidator;
    private final ScheduledExecutorService executor;

    PendingInvalidationTakeover(DurableInvalidator invalidator, Duration interval) {
        this.invalidator = invalidator;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("pending-invalidation-takeover").factory());
        executor.scheduleWithFixedDelay(this::takeOverQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void takeOverQuietly() {
        try {
            invalidator.takeOver();
        } catch (RuntimeException e) {
            log.debug("Taking over pending invalidations failed; the next run retries", e);
        }
    }

    /** Stops looking, and waits for a run under way, so that it ends before the database pool closes. */
    @Override
    public void destroy() throws InterruptedException {
        BackgroundWork.stop(executor);
    }
}
