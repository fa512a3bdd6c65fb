package com.realestate.cache.client;

import io.lettuce.core.RedisCommandExecutionException;
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
        StreamSubscription subscription = new StreamSubscription(key, afterId, listener, connector, settings);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    @Override
    public void close() {
        subscriptions.forEach(StreamSubscription::close);
        subscriptions.clear();
    }
}
