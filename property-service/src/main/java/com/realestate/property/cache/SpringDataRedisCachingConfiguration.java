package com.realestate.property.cache;

import com.realestate.cache.client.CacheSettings;
import com.realestate.property.system.ServiceCacheSettings;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The peer ({@code spring-data-redis}): a {@link LettuceConnectionFactory} on the same {@code REDIS_URL} (read by
 * cache-core, as ours reads it) with the same command timeout as ours, and a {@link RedisCacheManager} with the
 * standard JSON serializer ({@link RedisSerializer#json()}), our key prefix and the same TTL per view (absent details
 * for the not-found TTL), configured as a Spring Boot application would. Writes are immediate: on a reactive-capable
 * factory Spring defers puts and pattern clears by default, and a read right after a write could then still see the
 * cleared list page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCacheProvider(CacheProvider.SPRING_DATA_REDIS)
@EnableConfigurationProperties(PropertyCacheSettings.class)
class SpringDataRedisCachingConfiguration {

    private static final String COMMAND_TIMEOUT = "realestate.cache.command-timeout";
    private static final String CLUSTER = "realestate.cache.cluster";
    private static final String COMMAND_TIMEOUT_MS = "CACHE_COMMAND_TIMEOUT_MS";

    /**
     * Reads {@code REDIS_URL} with cache-core's parser, as our provider does: a password keeps its {@code # ? @}, a
     * malformed URL stops the start naming {@code REDIS_URL} without its password, and a seed list (or the cluster
     * switch) is a Redis Cluster. The command timeout is ours too: {@code realestate.cache.command-timeout}, then
     * {@code CACHE_COMMAND_TIMEOUT_MS}, then 500 ms.
     */
    @Bean
    LettuceConnectionFactory redisConnectionFactory(ServiceCacheSettings cache, Environment environment) {
        Map<String, String> variables = new HashMap<>();
        variables.put("REDIS_URL", cache.redisUrl());
        variables.put("REDIS_CLUSTER", environment.getProperty(CLUSTER, "false"));
        String timeoutMillis = environment.getProperty(COMMAND_TIMEOUT_MS);
        if (timeoutMillis != null) {
            variables.put(COMMAND_TIMEOUT_MS, timeoutMillis);
        }
        CacheSettings location = CacheSettings.fromEnvironment(variables);
        List<RedisURI> uris = location.redisUris();
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(environment.getProperty(COMMAND_TIMEOUT, Duration.class, location.commandTimeout()));
        if (uris.get(0).isSsl()) {
            client.useSsl();
        }
        RedisConfiguration servers = location.clusterMode() ? cluster(uris)
                : LettuceConnectionFactory.createRedisConfiguration(uris.get(0));
        return new LettuceConnectionFactory(servers, client.build());
    }

    private static RedisClusterConfiguration cluster(List<RedisURI> seeds) {
        RedisClusterConfiguration cluster = new RedisClusterConfiguration();
        seeds.forEach(seed -> cluster.clusterNode(new RedisNode(seed.getHost(), seed.getPort())));
        RedisURI first = seeds.get(0);
        cluster.setUsername(first.getUsername());
        if (first.getPassword() != null) {
            cluster.setPassword(first.getPassword());
        }
        return cluster;
    }

    @Bean
    RedisCacheManager redisCacheManager(LettuceConnectionFactory connections, ServiceCacheSettings cache,
            PropertyCacheSettings settings) {
        RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
                .prefixCacheNameWith(cache.keyPrefix())
                .serializeValuesWith(SerializationPair.fromSerializer(RedisSerializer.json()));
        Map<String, RedisCacheConfiguration> views = new HashMap<>();
        for (PropertyView view : PropertyView.values()) {
            Duration ttl = view.ttl(settings);
            views.put(view.cacheName(), defaults.entryTtl((key, value) -> value == null ? settings.notFoundTtl() : ttl));
        }
        RedisCacheWriter writer = RedisCacheWriter.create(connections,
                writes -> writes.batchStrategy(BatchStrategies.scan(1000)).immediateWrites());
        return RedisCacheManager.builder(writer)
                .cacheDefaults(defaults)
                .withInitialCacheConfigurations(views)
                .disableCreateOnMissingCache()
                .build();
    }

    @Bean
    SpringRedisViewCache propertyViewCache(RedisCacheManager manager, PropertyCacheSettings settings) {
        return new SpringRedisViewCache(manager, settings);
    }
}
