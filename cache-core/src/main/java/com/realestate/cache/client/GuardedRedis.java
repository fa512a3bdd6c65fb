package com.realestate.cache.client;

import com.realestate.cache.client.RedisUnavailableException.Reason;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every command through a circuit breaker with a bounded wait, so that a dead, slow or black-holed
 * Redis costs callers at most one command timeout each until the breaker opens, and nothing after that.
 * A command that cannot be carried out throws {@link RedisUnavailableException}; an error answered by
 * Redis itself (a healthy server refusing a command) is rethrown as Lettuce's
 * {@link RedisCommandExecutionException} and does not count against Redis' health, except the errors by which a
 * server says it cannot serve anything now (a cluster without a master for the slot, a server loading its data),
 * which count as unavailability. One instance serves a connection and every cache view on it; each call records
 * into the metrics of the view that made it. Commands are written against Lettuce's
 * {@link RedisClusterAsyncCommands}, which both a single server's and a cluster's connection implement.
 *
 * <p>While the breaker is open, callers are refused at once and a {@link RecoveryProbe} pings Redis every open
 * duration; callers' commands go to Redis again (as the half-open state's probe calls) only once it has answered.
 *
 * <p>The breaker has no event consumers: with one, Resilience4j builds a timestamped event object for every call.
 * Its state changes are noticed here instead, by comparing its state after each call with the last one seen.
 */
final class GuardedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuardedRedis.class);
    /**
     * Resilience4j's own wait in the open state, which would let callers' commands probe Redis: long enough never to
     * end before the {@link RecoveryProbe} moves the breaker on, every {@code openDuration}.
     */
    private static final Duration LEFT_BY_PROBE = Duration.ofDays(365);
    /** Error codes of {@link #cannotServeNow}. */
    private static final String[] UNSERVED = {"CLUSTERDOWN", "TRYAGAIN", "MOVED", "ASK", "MASTERDOWN", "LOADING",
        "READONLY"};

    private final CacheSettings settings;
    private final RedisConnector connector;
    private final CircuitBreaker breaker;
    private final long timeoutNanos;
    private final ThrottledWarning failures = new ThrottledWarning(log, Duration.ofSeconds(30));
    private final BreakerMeters meters;
    private final RecoveryProbe probe;
    private final AtomicReference<CircuitBreaker.State> lastState;
    private volatile long openedAtNanos;

    GuardedRedis(CacheSettings settings, RedisConnector connector, CircuitBreaker breaker, MeterRegistry registry) {
        this.settings = settings;
        this.connector = connector;
        this.breaker = breaker;
        this.timeoutNanos = settings.commandTimeout().toNanos();
        this.meters = new BreakerMeters(breaker, registry);
        this.lastState = new AtomicReference<>(breaker.getState());
        this.probe = new RecoveryProbe(settings.name(), breaker, connector, settings.commandTimeout(),
                settings.breaker().openDuration(), meters, this::noticeStateChange);
    }

    /** The breaker configuration that {@link BreakerSettings} describes. */
    static CircuitBreakerConfig breakerConfig(BreakerSettings settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.windowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(LEFT_BY_PROBE)
                .permittedNumberOfCallsInHalfOpenState(settings.probeCalls())
                .build();
    }

    /**
     * Runs one command and waits for its reply at most the command timeout.
     *
     * @throws RedisUnavailableException      when the command did not run or did not answer in time
     * @throws RedisCommandExecutionException when Redis answered with an error
     */
    <A, T> T execute(CacheMetrics metrics, Operation operation, A argument,
                     BiFunction<RedisClusterAsyncCommands<String, byte[]>, A, RedisFuture<T>> command) {
        if (!breaker.tryAcquirePermission()) {
            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                probe.ensureScheduled();
            }
            throw unavailable(metrics, Reason.BREAKER_OPEN, null);
        }
        long start = System.nanoTime();
        RedisClusterAsyncCommands<String, byte[]> commands = connector.commands();
        if (commands == null) {
            failed(0, new IllegalStateException("not connected"));
            throw unavailable(metrics, Reason.NOT_CONNECTED, null);
        }
        RedisFuture<T> future = null;
        try {
            future = command.apply(commands, argument);
            T reply = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            long elapsed = System.nanoTime() - start;
            succeeded(elapsed);
            metrics.latency(operation, elapsed);
            return reply;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            long elapsed = System.nanoTime() - start;
            metrics.latency(operation, elapsed);
            if (cause instanceof RedisCommandExecutionException refused && cannotServeNow(refused)) {
                failed(elapsed, cause);
                throw unavailable(metrics, Reason.REFUSED, cause);
            }
            if (cause instanceof RedisCommandExecutionException answered) {
                succeeded(elapsed);
                if (!(answered instanceof RedisNoScriptException)) {
                    metrics.commandError();
                }
                throw answered;
            }
            failed(elapsed, cause);
            throw unavailable(metrics, cause instanceof RedisCommandTimeoutException ? Reason.TIMEOUT : Reason.CONNECTION, cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            long elapsed = System.nanoTime() - start;
            metrics.latency(operation, elapsed);
            failed(elapsed, e);
            throw unavailable(metrics, Reason.TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (future != null) {
                future.cancel(true);
            }
            breaker.releasePermission();
            throw unavailable(metrics, Reason.CONNECTION, e);
        } catch (RuntimeException e) {
            long elapsed = System.nanoTime() - start;
            failed(elapsed, e);
            throw unavailable(metrics, Reason.CONNECTION, e);
        }
    }

    /**
     * Errors by which a server refuses every command for now rather than this one: no master for the slot
     * ({@code CLUSTERDOWN}), a slot moving or still redirected after Lettuce's retries ({@code TRYAGAIN},
     * {@code MOVED}, {@code ASK}), a replica without its master or a server loading its data.
     */
    static boolean cannotServeNow(RedisCommandExecutionException error) {
        String message = String.valueOf(error.getMessage());
        for (String code : UNSERVED) {
            if (message.startsWith(code)) {
                return true;
            }
        }
        return false;
    }

    /** {@code true} when a connection is open and the breaker is closed (not open, nor still probing). */
    boolean isAvailable() {
        return connector.isConnected() && breaker.getState() == CircuitBreaker.State.CLOSED;
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    boolean isConnected() {
        return connector.isConnected();
    }

    private RedisUnavailableException unavailable(CacheMetrics metrics, Reason reason, Throwable cause) {
        metrics.unavailable(reason);
        if (cause != null) {
            connector.topologyMayHaveChanged();
            failures.warn("Cache '{}' could not reach Redis at {}: {}",
                    settings.name(), settings.redisUrlForDisplay(), RedisConnector.rootMessage(cause));
        }
        return new RedisUnavailableException(reason);
    }

    private void succeeded(long elapsedNanos) {
        breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        noticeStateChange();
    }

    private void failed(long elapsedNanos, Throwable cause) {
        breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, cause);
        noticeStateChange();
    }

    /**
     * Logs the breaker's state change, once, when the call just recorded moved it: a volatile read when it did not.
     * Only recording a call's outcome can close or open the breaker, and only the {@link RecoveryProbe} takes it from
     * open to half-open (and calls this too); while it is open, a probe is kept pending.
     */
    private void noticeStateChange() {
        CircuitBreaker.State now = breaker.getState();
        CircuitBreaker.State before = lastState.get();
        if (now != before && lastState.compareAndSet(before, now)) {
            logTransition(before, now);
        }
        if (now == CircuitBreaker.State.OPEN) {
            probe.ensureScheduled();
        }
    }

    /** Leaving CLOSED is an outage (OPEN, or HALF_OPEN when the opening went unseen); reaching CLOSED ends it. */
    private void logTransition(CircuitBreaker.State from, CircuitBreaker.State to) {
        if (from == CircuitBreaker.State.CLOSED) {
            openedAtNanos = System.nanoTime();
            log.warn("Cache '{}': Redis at {} is failing; reads fall through to the source and writes are"
                            + " skipped, probing again every {} ms",
                    settings.name(), settings.redisUrlForDisplay(), settings.breaker().openDuration().toMillis());
        } else if (to == CircuitBreaker.State.CLOSED) {
            log.info("Cache '{}': Redis at {} is answering again after {} ms; caching resumed",
                    settings.name(), settings.redisUrlForDisplay(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAtNanos));
        } else {
            log.debug("Cache '{}': breaker {} to {}", settings.name(), from, to);
        }
    }

    @Override
    public void close() {
        probe.close();
        meters.close();
        connector.close();
    }
}
