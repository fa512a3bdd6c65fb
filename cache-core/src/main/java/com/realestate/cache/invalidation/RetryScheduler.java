package com.realestate.cache.invalidation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an attempt on a background thread until it reports that nothing is left, with exponential back-off and
 * some jitter between failed attempts, so that an outage costs a few cheap calls rather than a busy loop.
 */
final class RetryScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final long initialNanos;
    private final long maxNanos;
    private final BooleanSupplier attempt;
    private long delayNanos;
    private boolean scheduled;
    private boolean requested;
    private boolean closed;

    /** {@code attempt} returns {@code true} when nothing is left to retry. */
    RetryScheduler(String threadName, Duration initial, Duration max, BooleanSupplier attempt) {
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(threadName).factory());
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.attempt = attempt;
        this.delayNanos = initialNanos;
    }

    /** Makes sure an attempt follows, after the current back-off. */
    synchronized void wake() {
        requested = true;
        if (!scheduled && !closed) {
            scheduled = true;
            schedule();
        }
    }

    private void run() {
        synchronized (this) {
            requested = false;
        }
        boolean finished;
        try {
            finished = attempt.getAsBoolean();
        } catch (RuntimeException | Error e) {
            log.warn("Retrying pending invalidations failed; trying again later", e);
            finished = false;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            if (finished) {
                delayNanos = initialNanos;
                if (!requested) {
                    scheduled = false;
                    return;
                }
            } else {
                delayNanos = Math.min(delayNanos * 2, maxNanos);
            }
            schedule();
        }
    }

    private void schedule() {
        long jittered = (long) (delayNanos * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        try {
            executor.schedule(this::run, jittered, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            scheduled = false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        executor.shutdownNow();
    }
}
