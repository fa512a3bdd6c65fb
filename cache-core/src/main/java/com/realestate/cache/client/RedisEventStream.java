package com.realestate.cache.client;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Redis Stream behind {@link EventStream}: entries have one field, {@code e}, holding the payload. */
final class RedisEventStream implements EventStream {

    static final String FIELD = "e";

    private final String key;
    private final MeteredRedis redis;
    private final RedisConnector connector;
    private final CacheSettings settings;
    private final List<StreamSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    RedisEventStream(String key, MeteredRedis redis, RedisConnector connector, CacheSettings settings) {
        this.key = key;
        this.redis = redis;
        this.connector = connector;
        this.settings = settings;
    }

    @Override
    public Optional<String> publish(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        XAddArgs trim = XAddArgs.Builder.maxlen(MAX_LENGTH).approximateTrimming();
        try {
            return Optional.of(redis.execute(Operation.STREAM, c -> c.xadd(key, trim, Map.of(FIELD, bytes))));
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            return Optional.empty();
        }
    }

    @Override
    public Subscription subscribe(String afterId, StreamListener listener) {
        String start = "$".equals(afterId) ? newestId() : afterId;
        StreamSubscription subscription = new StreamSubscription(key, start, listener, connector, settings);
        subscriptions.removeIf(StreamSubscription::closed);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    /**
     * The id of the newest entry ({@code 0-0} for an empty stream), read before {@code subscribe} returns so that
     * an entry published right after it is delivered whenever the reader connects; {@code "$"} when Redis cannot tell
     * now, which the reader then resolves when it connects (see {@link StreamSubscription}).
     */
    private String newestId() {
        try {
            List<StreamMessage<String, byte[]>> newest = redis.execute(Operation.STREAM,
                    c -> c.xrevrange(key, Range.create("-", "+"), Limit.create(0, 1)));
            return newest.isEmpty() ? "0-0" : newest.get(0).getId();
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            return "$";
        }
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        subscriptions.forEach(StreamSubscription::close);
        subscriptions.clear();
    }
}
