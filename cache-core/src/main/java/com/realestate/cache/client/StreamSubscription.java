package com.realestate.cache.client;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one stream on a connection of its own (XREAD blocks it) and on a thread of its own, delivering entries in
 * order. After any failure it reconnects with back-off and resumes after the last delivered id; on every
 * (re)connection it asks Redis whether entries after that id were trimmed, or whether the stream is behind that id
 * (a replica promoted before it had every entry, a server restarted without them), and reports a gap if so. On a
 * cluster the connection goes to the master of the stream's slot, so a failover is a disconnect and a resume.
 */
final class StreamSubscription implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(StreamSubscription.class);
    private static final int BATCH = 100;
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How far before {@code subscribe} a {@code "$"} subscription starts at the latest: covers clock skew with Redis. */
    static final long START_SLACK_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final String key;
    private final StreamListener listener;
    private final RedisConnector connector;
    private final CacheSettings settings;
    private final Thread reader;
    private final long subscribedAtMillis = System.currentTimeMillis();
    private volatile String lastId;
    private volatile boolean connected;
    private volatile boolean closed;
    private StatefulRedisConnection<String, String> connection;

    StreamSubscription(String key, String afterId, StreamListener listener, RedisConnector connector,
                       CacheSettings settings) {
        this.key = key;
        this.lastId = afterId;
        this.listener = listener;
        this.connector = connector;
        this.settings = settings;
        this.reader = Thread.ofPlatform().daemon().name("cache-stream-" + settings.name()).unstarted(this::run);
    }

    void start() {
        reader.start();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public String lastDeliveredId() {
        String id = lastId;
        return "$".equals(id) ? "0-0" : id;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    private void run() {
        long backoff = TimeUnit.MILLISECONDS.toNanos(20);
        boolean everConnected = false;
        boolean catchingUp = true;
        while (!closed) {
            try {
                RedisCommands<String, String> commands = commands();
                if (!connected) {
                    resolveStart(commands);
                    if (everConnected) {
                        listener.onResume(lastDeliveredId());
                    }
                    checkForGap(commands);
                    connected = true;
                    catchingUp = true;
                    everConnected = true;
                    backoff = TimeUnit.MILLISECONDS.toNanos(20);
                }
                XReadArgs read = catchingUp ? XReadArgs.Builder.count(BATCH)
                        : XReadArgs.Builder.block(RedisConnector.STREAM_BLOCK).count(BATCH);
                List<StreamMessage<String, String>> messages = commands.xread(read, XReadArgs.StreamOffset.from(key, lastId));
                deliver(messages);
                if (!messages.isEmpty() && !closed) {
                    // Entries after those may have been trimmed while the listener worked through them.
                    checkForTrim(commands);
                }
                if (messages.size() < BATCH && !closed) {
                    catchingUp = false;
                    listener.onCaughtUp();
                }
            } catch (RedisException | IllegalStateException e) {
                if (closed) {
                    return;
                }
                if (connected) {
                    connected = false;
                    log.warn("Cache '{}' lost the event stream '{}' after entry {} ({}); resuming when Redis answers",
                            settings.name(), key, lastDeliveredId(), RedisConnector.rootMessage(e));
                    listener.onDisconnect();
                }
                dropConnection();
                connector.topologyMayHaveChanged();
                LockSupport.parkNanos(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
            }
        }
    }

    /** The reading connection; one that closed under us counts as a failure, so the resume path (gap check) runs. */
    private RedisCommands<String, String> commands() {
        if (connection != null && !connection.isOpen()) {
            throw new RedisException("the stream connection was closed");
        }
        if (connection == null) {
            connection = connector.connectReader(key);
        }
        return connection.sync();
    }

    /**
     * Pins "$" to an id, so a reconnect resumes exactly where this subscription began. The stream resolves "$" before
     * {@code subscribe} returns; it is left to the reader only when Redis could not be asked then, and the reader
     * connects later, maybe much later. An entry published in between must still be delivered, so the start is then
     * the newest entry's id only if that is older than a few seconds before {@code subscribe} was called, and else
     * {@link #START_SLACK_MILLIS} before the call (Redis' clock gives entry ids): the entries of those seconds come
     * again, which at-least-once listeners take in their stride.
     */
    private void resolveStart(RedisCommands<String, String> commands) {
        if (!"$".equals(lastId)) {
            return;
        }
        List<StreamMessage<String, String>> newest = commands.xrevrange(key, Range.create("-", "+"), Limit.create(0, 1));
        String newestId = newest.isEmpty() ? "0-0" : newest.get(0).getId();
        String floor = (subscribedAtMillis - START_SLACK_MILLIS) + "-0";
        lastId = StreamIds.compare(newestId, floor) < 0 ? newestId : floor;
    }

    /**
     * Reports a gap when entries after the last delivered one may be gone: the oldest entry left is newer than it
     * (it was trimmed, and maybe entries after it too: in doubt, report), or an entry after it was deleted. Also
     * when the stream is missing or its newest id is older than the last delivered one: this server never had, or
     * lost, entries that were delivered, so others may be lost too; reading then goes on from what the stream has,
     * since new entries may get ids below the old last one.
     */
    private void checkForGap(RedisCommands<String, String> commands) {
        if ("0-0".equals(lastId)) {
            return;
        }
        if (commands.exists(key) == 0) {
            reportGap("the stream is gone", "0-0");
            return;
        }
        checkForTrim(commands);
    }

    /**
     * The part of {@link #checkForGap} that runs after every batch read, one {@code XINFO STREAM}: entries after the
     * last delivered one were trimmed or deleted, or the stream is behind it.
     */
    private void checkForTrim(RedisCommands<String, String> commands) {
        List<Object> info = commands.xinfoStream(key);
        String lastGenerated = null;
        for (int i = 0; i + 1 < info.size(); i += 2) {
            String field = String.valueOf(info.get(i));
            String value = String.valueOf(info.get(i + 1));
            boolean trimmed = "recorded-first-entry-id".equals(field) || "max-deleted-entry-id".equals(field);
            if (trimmed && StreamIds.compare(value, lastId) > 0) {
                reportGap("they were trimmed before they could be read", lastId);
                return;
            }
            if ("last-generated-id".equals(field)) {
                lastGenerated = value;
            }
        }
        if (lastGenerated != null && StreamIds.compare(lastGenerated, lastId) < 0) {
            reportGap("the stream is behind them (newest " + lastGenerated + ")", lastGenerated);
        }
    }

    private void reportGap(String why, String resumeAfter) {
        log.warn("Cache '{}': entries of '{}' after {} may be lost: {}", settings.name(), key, lastId, why);
        listener.onGap(lastId);
        lastId = resumeAfter;
    }

    private void deliver(List<StreamMessage<String, String>> messages) {
        for (StreamMessage<String, String> message : messages) {
            if (closed) {
                return;
            }
            String payload = message.getBody().get(RedisEventStream.FIELD);
            try {
                listener.onEvent(message.getId(), payload == null ? "" : payload);
            } catch (RuntimeException | Error e) {
                log.warn("Cache '{}': the listener of '{}' failed on entry {}; going on with the next",
                        settings.name(), key, message.getId(), e);
            }
            lastId = message.getId();
        }
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // Closing a broken connection can fail; there is nothing left to release.
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropConnection();
        connected = false;
    }
}
