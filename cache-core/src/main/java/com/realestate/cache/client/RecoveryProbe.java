package com.realestate.cache.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds out in the background whether Redis answers again while the breaker is open, so that no caller's command
 * is the one that waits on a dead socket: every open period ends with a {@code PING} sent from here, and only when
 * it is answered does the breaker let its probe calls through (half-open). Resilience4j would instead let the
 * first callers after the open period through, and while Redis stayed black-holed each of them would wait out a
 * command timeout.
 */
final class RecoveryProbe implements AutoCloseable {

    private final CircuitBreaker breaker;
    private final RedisConnector connector;
    private final long timeoutNanos;
    private final long intervalNanos;
    private final BreakerMeters meters;
    private final Runnable stateChanged;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param stateChanged called after the probe moved the breaker, so that the change is logged like any other
     */
    RecoveryProbe(String name, CircuitBreaker breaker, RedisConnector connector, Duration timeout, Duration interval,
            BreakerMeters meters, Runnable stateChanged) {
        this.breaker = breaker;
        this.connector = connector;
        this.timeoutNanos = timeout.toNanos();
        this.intervalNanos = interval.toNanos();
        this.meters = meters;
        this.stateChanged = stateChanged;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("cache-recovery-probe-" + name).factory());
    }

    /** Makes sure a probe runs one interval from now, unless one is pending already; cheap when one is. */
    void ensureScheduled() {
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::probe, intervalNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                scheduled.set(false);
            }
        }
    }

    private void probe() {
        scheduled.set(false);
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return;
        }
        if (!answersPing()) {
            meters.probed(false);
            ensureScheduled();
            return;
        }
        meters.probed(true);
        if (breaker.getState() == CircuitBreaker.State.OPEN) {
            try {
                breaker.transitionToHalfOpenState();
            } catch (IllegalStateTransitionException movedMeanwhile) {
                // The breaker left OPEN during the PING; the state it is in now is the one to log.
            }
        }
        stateChanged.run();
    }

    private boolean answersPing() {
        RedisFuture<String> pong = null;
        try {
            RedisClusterAsyncCommands<String, byte[]> commands = connector.commands();
            if (commands == null) {
                return false;
            }
            pong = commands.ping();
            return "PONG".equals(pong.get(timeoutNanos, TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            pong.cancel(true);
            return false;
        } catch (ExecutionException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
