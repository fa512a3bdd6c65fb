package com.realestate.cache.client;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One Redis server: the shared connection auto-reconnects; readers' connections do not. */
final class StandaloneDeployment implements RedisDeployment {

    private final CacheSettings settings;
    private final RedisClient client;
    private final RedisClient readers;

    StandaloneDeployment(CacheSettings settings, ClientResources resources) {
        this.settings = settings;
        this.client = RedisClient.create(resources, settings.redisUri());
        this.client.setOptions(ConnectionOptions.standalone(settings, true));
        this.readers = RedisClient.create(resources, settings.redisUri());
        this.readers.setOptions(ConnectionOptions.standalone(settings, false));
    }

    @Override
    public CompletableFuture<Link> connect() {
        return client.connectAsync(CODEC, settings.redisUri()).toCompletableFuture()
                .thenApply(connection -> new Link(connection, connection.async()));
    }

    @Override
    public boolean serving(Link link) {
        return link.connection().isOpen();
    }

    @Override
    public StatefulRedisConnection<String, String> connectReader(String key, Link link) {
        return readers.connect(StringCodec.UTF8, settings.redisUri());
    }

    @Override
    public void topologyMayHaveChanged() {
    }

    @Override
    public void shutdown() {
        readers.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
