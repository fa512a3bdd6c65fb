package com.realestate.cache.client;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the one shared Lettuce connection of a client, to one server or to a cluster (see {@link RedisDeployment}).
 * It connects in the background, so a client can be built while Redis is down and starts serving once Redis is
 * up; after the first connection, Lettuce's auto-reconnect (and on a cluster its topology refresh) takes over.
 * Commands issued while disconnected are rejected at once rather than queued.
 *
 * <p>Lettuce's own command latency recorder is off: it is on by default whenever LatencyUtils is on the class path
 * (Micrometer brings it), wraps every command and runs a pause detector, and the client already times each command
 * with Micrometer. Every connection sends the commands that callers issue together in one write
 * ({@link ConsolidatedFlushes}).
 */
final class RedisConnector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisConnector.class);
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** How long a stream reader's XREAD waits for new entries before asking again. */
    static final Duration STREAM_BLOCK = Duration.ofSeconds(1);

    private final CacheSettings settings;
    private final ClientResources resources;
    private final RedisDeployment deployment;
    private final ReentrantLock connecting = new ReentrantLock();
    private final long retryDelayNanos;

    private volatile RedisDeployment.Link link;
    private CompletableFuture<RedisDeployment.Link> attempt;
    private long nextAttemptNanos;
    private volatile boolean closed;

    RedisConnector(CacheSettings settings) {
        this.settings = settings;
        this.retryDelayNanos = settings.breaker().openDuration().toNanos();
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                .nettyCustomizer(new ConsolidatedFlushes())
                .build();
        this.deployment = RedisDeployment.of(settings, resources);
        startAttempt(System.nanoTime());
        awaitFirstAttempt();
    }

    /**
     * The commands of the shared connection (cluster-aware on a cluster), or {@code null} while no connection has
     * been made yet (a new attempt is started when due).
     */
    RedisClusterAsyncCommands<String, byte[]> commands() {
        RedisDeployment.Link current = link;
        if (current == null) {
            current = tryConnect();
        }
        return current == null ? null : current.commands();
    }

    /**
     * A new connection of its own for a caller that blocks it (a stream reader), to the node that holds {@code key};
     * its XREAD may take {@link #STREAM_BLOCK} longer than other commands.
     *
     * @throws io.lettuce.core.RedisException when Redis cannot be reached
     */
    StatefulRedisConnection<String, String> connectReader(String key) {
        if (closed) {
            throw new IllegalStateException("the cache client is closed");
        }
        RedisDeployment.Link current = link;
        return deployment.connectReader(key, current != null ? current : tryConnect());
    }

    /** Tells a cluster deployment to look at its topology again, because a node did not answer as expected. */
    void topologyMayHaveChanged() {
        if (!closed) {
            deployment.topologyMayHaveChanged();
        }
    }

    /** {@code true} when the shared connection is open and, on a cluster, every slot has a serving master. */
    boolean isConnected() {
        RedisDeployment.Link current = link;
        return current != null && deployment.serving(current);
    }

    private RedisDeployment.Link tryConnect() {
        if (closed || !connecting.tryLock()) {
            return null;
        }
        try {
            if (link != null) {
                return link;
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
            link = attempt.join();
            attempt = null;
            log.info("Cache '{}' connected to Redis{} at {}", settings.name(),
                    settings.clusterMode() ? " Cluster" : "", settings.redisUrlForDisplay());
            return link;
        } finally {
            connecting.unlock();
        }
    }

    private void startAttempt(long now) {
        nextAttemptNanos = now + retryDelayNanos;
        attempt = deployment.connect();
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
                attempt.thenAccept(started -> started.connection().closeAsync());
            }
            if (link != null) {
                link.connection().close();
            }
        } finally {
            connecting.unlock();
            deployment.shutdown();
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
