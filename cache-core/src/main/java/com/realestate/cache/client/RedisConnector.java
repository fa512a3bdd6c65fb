package com.realestate.cache.client;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the one shared Lettuce connection of a client. It connects in the background, so a client can be
 * built while Redis is down and starts serving once Redis is up; after the first connection, Lettuce's
 * auto-reconnect takes over. Commands issued while disconnected are rejected at once rather than queued.
 *
 * <p>Lettuce's own command latency recorder is off: it is on by default whenever LatencyUtils is on the class path
 * (Micrometer brings it), wraps every command and runs a pause detector, and the client already times each command
 * with Micrometer.
 */
final class RedisConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final int REQUEST_QUEUE_SIZE = 10_000;
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** How long a stream reader's XREAD waits for new entries before asking again. */
    static final Duration STREAM_BLOCK = Duration.ofSeconds(1);

    private final CacheSettings settings;
    private final ClientResources resources;
    private final RedisClient client;
    /** Makes the connections of stream readers, which reconnect by themselves so that they notice every drop. */
    private final RedisClient dedicatedClient;
    private final ReentrantLock connecting = new ReentrantLock();
    private final long retryDelayNanos;

    private volatile StatefulRedisConnection<String, byte[]> connection;
    private CompletableFuture<StatefulRedisConnection<String, byte[]>> attempt;
    private long nextAttemptNanos;
    private volatile boolean closed;

    RedisConnector(CacheSettings settings) {
        this.settings = settings;
        this.retryDelayNanos = settings.breaker().openDuration().toNanos();
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                .build();
        this.client = RedisClient.create(resources, settings.redisUri());
        this.client.setOptions(clientOptions(true));
        this.dedicatedClient = RedisClient.create(resources, settings.redisUri());
        this.dedicatedClient.setOptions(clientOptions(false));
        startAttempt(System.nanoTime());
        awaitFirstAttempt();
    }

    private ClientOptions clientOptions(boolean autoReconnect) {
        return ClientOptions.builder()
                .autoReconnect(autoReconnect)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .timeoutOptions(TimeoutOptions.builder().timeoutSource(new CommandTimeouts(settings.commandTimeout())).build())
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(settings.connectTimeout())
                        .keepAlive(true)
                        .tcpNoDelay(true)
                        .build())
                .build();
    }

    /** How long Redis has to answer: the command timeout, plus the block time of a blocking stream read. */
    private static final class CommandTimeouts extends TimeoutOptions.TimeoutSource {

        private final long commandMillis;

        CommandTimeouts(Duration commandTimeout) {
            this.commandMillis = commandTimeout.toMillis();
        }

        @Override
        public long getTimeout(RedisCommand<?, ?, ?> command) {
            return command.getType() == CommandType.XREAD ? commandMillis + STREAM_BLOCK.toMillis() : commandMillis;
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.MILLISECONDS;
        }
    }

    /** The connection, or {@code null} while none has been made yet (a new attempt is started when due). */
    StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> current = connection;
        return current != null ? current : tryConnect();
    }

    /**
     * A new connection of its own for a caller that blocks it (a stream reader); its XREAD may take
     * {@link #STREAM_BLOCK} longer than other commands.
     *
     * @throws io.lettuce.core.RedisException when Redis cannot be reached
     */
    StatefulRedisConnection<String, String> connectDedicated() {
        if (closed) {
            throw new IllegalStateException("the cache client is closed");
        }
        return dedicatedClient.connect(StringCodec.UTF8, settings.redisUri());
    }

    /** {@code true} when a connection exists and is currently open. */
    boolean isConnected() {
        StatefulRedisConnection<String, byte[]> current = connection;
        return current != null && current.isOpen();
    }

    private StatefulRedisConnection<String, byte[]> tryConnect() {
        if (closed || !connecting.tryLock()) {
            return null;
        }
        try {
            if (connection != null) {
                return connection;
            }
            long now = System.nanoTime();
            if (attempt == null) {
                if (now - nextAttemptNanos >= 0) {
                    startAttempt(now);
                }
                return null;
            }
            if (!attempt.isDone()) {
                return null;
            }
            if (attempt.isCompletedExceptionally()) {
                attempt = null;
                nextAttemptNanos = now + retryDelayNanos;
                return null;
            }
            connection = attempt.join();
            attempt = null;
            log.info("Cache '{}' connected to Redis at {}", settings.name(), settings.redisUrlForDisplay());
            return connection;
        } finally {
            connecting.unlock();
        }
    }

    private void startAttempt(long now) {
        nextAttemptNanos = now + retryDelayNanos;
        attempt = client.connectAsync(CODEC, settings.redisUri()).toCompletableFuture();
    }

    /** Gives a healthy Redis the chance to be connected before the first call, bounded by the connect timeout. */
    private void awaitFirstAttempt() {
        try {
            attempt.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Cache '{}' could not connect to Redis at {} ({}); serving without the cache and retrying",
                    settings.name(), settings.redisUrlForDisplay(), rootMessage(e));
        }
        tryConnect();
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        closed = true;
        connecting.lock();
        try {
            if (attempt != null) {
                attempt.cancel(true);
                attempt.thenAccept(StatefulRedisConnection::closeAsync);
            }
            if (connection != null) {
                connection.close();
            }
        } finally {
            connecting.unlock();
            dedicatedClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
