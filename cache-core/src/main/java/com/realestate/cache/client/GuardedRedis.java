package com.realestate.cache.client;

import com.realestate.cache.client.RedisUnavailableException.Reason;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every command through a circuit breaker with a bounded wait, so that a dead, slow or black-holed
 * Redis costs callers at most one command timeout each until the breaker opens, and nothing after that.
 * A command that cannot be carried out throws {@link RedisUnavailableException}; an error answered by
 * Redis itself (a healthy server refusing a command) is rethrown as Lettuce's
 * {@link RedisCommandExecutionException} and does not count against Redis' health. One instance serves a
 * connection and every cache view on it; each call records into the metrics of the view that made it.
 */
final class GuardedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuardedRedis.class);

    private final CacheSettings settings;
    private final RedisConnector connector;
    private final CircuitBreaker breaker;
    private final long timeoutNanos;
    private final ThrottledWarning failures = new ThrottledWarning(log, Duration.ofSeconds(30));
    private volatile long openedAtNanos;

    GuardedRedis(CacheSettings settings, RedisConnector connector, CircuitBreaker breaker) {
        this.settings = settings;
        this.connector = connector;
        this.breaker = breaker;
        this.timeoutNanos = settings.commandTimeout().toNanos();
        breaker.getEventPublisher().onStateTransition(this::logTransition);
    }

    /** The breaker configuration that {@link BreakerSettings} describes. */
    static CircuitBreakerConfig breakerConfig(BreakerSettings settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.windowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.probeCalls())
                .build();
    }

    /**
     * Runs one command and waits for its reply at most the command timeout.
     *
     * @throws RedisUnavailableException      when the command did not run or did not answer in time
     * @throws RedisCommandExecutionException when Redis answered with an error
     */
    <T> T execute(CacheMetrics metrics, Operation operation,
                  Function<RedisAsyncCommands<String, byte[]>, RedisFuture<T>> command) {
        if (!breaker.tryAcquirePermission()) {
            throw unavailable(metrics, Reason.BREAKER_OPEN, null);
        }
        long start = System.nanoTime();
        StatefulRedisConnection<String, byte[]> connection = connector.connection();
        if (connection == null) {
            breaker.onError(0, TimeUnit.NANOSECONDS, new IllegalStateException("not connected"));
            throw unavailable(metrics, Reason.NOT_CONNECTED, null);
        }
        RedisFuture<T> future = null;
        try {
            future = command.apply(connection.async());
            T reply = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
            long elapsed = System.nanoTime() - start;
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            metrics.latency(operation, elapsed);
            return reply;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            long elapsed = System.nanoTime() - start;
            metrics.latency(operation, elapsed);
            if (cause instanceof RedisCommandExecutionException answered) {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                metrics.commandError();
                throw answered;
            }
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, cause);
            throw unavailable(metrics, cause instanceof RedisCommandTimeoutException ? Reason.TIMEOUT : Reason.CONNECTION, cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            long elapsed = System.nanoTime() - start;
            metrics.latency(operation, elapsed);
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
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
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
            throw unavailable(metrics, Reason.CONNECTION, e);
        }
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
            failures.warn("Cache '{}' could not reach Redis at {}: {}",
                    settings.name(), settings.redisUrlForDisplay(), RedisConnector.rootMessage(cause));
        }
        return new RedisUnavailableException(reason);
    }

    private void logTransition(CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.StateTransition transition = event.getStateTransition();
        switch (transition.getToState()) {
            case OPEN -> {
                if (transition.getFromState() == CircuitBreaker.State.CLOSED) {
                    openedAtNanos = System.nanoTime();
                    log.warn("Cache '{}': Redis at {} is failing; reads fall through to the source and writes are"
                                    + " skipped, probing again every {} ms",
                            settings.name(), settings.redisUrlForDisplay(), settings.breaker().openDuration().toMillis());
                }
            }
            case CLOSED -> log.info("Cache '{}': Redis at {} is answering again after {} ms; caching resumed",
                    settings.name(), settings.redisUrlForDisplay(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAtNanos));
            default -> log.debug("Cache '{}': breaker {}", settings.name(), transition);
        }
    }

    @Override
    public void close() {
        connector.close();
    }
}
