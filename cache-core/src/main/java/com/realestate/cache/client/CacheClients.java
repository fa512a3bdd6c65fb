package com.realestate.cache.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front door of the library: builds {@link CacheClient}s from explicit settings or from the environment,
 * and holds the process-wide default client for code that wants one without wiring. A Redis URL listing several
 * seeds ({@code redis://h1:7000,h2:7001,h3:7002}), or one seed with {@link Builder#cluster(boolean)}, gives a client
 * of a Redis Cluster with the same API.
 *
 * <pre>{@code
 * try (CacheClient cache = CacheClients.builder().redisUrl("redis://localhost:6379/0").build()) {
 *     cache.set("property:42", property, Duration.ofMinutes(10));
 *     Optional<Property> hit = cache.get("property:42", Property.class);
 * }
 * }</pre>
 */
public final class CacheClients {

    private CacheClients() {
    }

    /** A builder that starts from {@link CacheSettings#defaults()}. */
    public static Builder builder() {
        return new Builder(CacheSettings.defaults());
    }

    /**
     * The JSON mapper clients use unless given another, as a starting point for one of your own: lossless for
     * {@code BigDecimal} and {@code java.time} values and tolerant of fields added after a value was cached.
     */
    public static JsonMapper defaultJsonMapper() {
        return JsonCodec.defaultMapper();
    }

    /** A client configured by {@code REDIS_URL}, {@code CACHE_DEFAULT_TTL}, {@code CACHE_KEY_PREFIX} and friends. */
    public static CacheClient fromEnvironment() {
        return new Builder(CacheSettings.fromEnvironment()).build();
    }

    /**
     * The process-wide client built from the environment on first use and closed when the JVM exits
     * (the original's {@code get_cache_client()}). Prefer an explicitly built client where you can inject one.
     */
    public static CacheClient defaultClient() {
        return DefaultClientHolder.CLIENT;
    }

    private static final class DefaultClientHolder {
        static final CacheClient CLIENT = createDefault();

        private static CacheClient createDefault() {
            CacheClient client = fromEnvironment();
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "cache-default-client-shutdown"));
            return client;
        }
    }

    /** Collects settings, a meter registry and a JSON mapper, then builds one client; not thread-safe. */
    public static final class Builder {

        private CacheSettings settings;
        private MeterRegistry meterRegistry = Metrics.globalRegistry;
        private JsonMapper jsonMapper;
        private LoadPolicy loadPolicy;
        private Clock clock = Clock.systemUTC();
        private boolean publishNearCacheInvalidations;

        private Builder(CacheSettings settings) {
            this.settings = settings;
        }

        /** Replaces all settings at once. */
        public Builder settings(CacheSettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        public Builder redisUrl(String value) {
            settings = settings.withRedisUrl(value);
            return this;
        }

        /**
         * Whether {@link #redisUrl} is the seed of a Redis Cluster; needed only for a single seed, since a
         * comma-separated seed list is a cluster anyway.
         */
        public Builder cluster(boolean value) {
            settings = settings.withCluster(value);
            return this;
        }

        public Builder keyPrefix(String value) {
            settings = settings.withKeyPrefix(value);
            return this;
        }

        public Builder defaultTtl(Duration value) {
            settings = settings.withDefaultTtl(value);
            return this;
        }

        public Builder commandTimeout(Duration value) {
            settings = settings.withCommandTimeout(value);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            settings = settings.withConnectTimeout(value);
            return this;
        }

        public Builder breaker(BreakerSettings value) {
            settings = settings.withBreaker(value);
            return this;
        }

        /** Which values are stored zstd-compressed; {@link Compression#defaults()} unless set. */
        public Builder compression(Compression value) {
            settings = settings.withCompression(value);
            return this;
        }

        /** The {@code cache} tag of the client's metrics; give each client of one registry its own. */
        public Builder name(String value) {
            settings = settings.withName(value);
            return this;
        }

        /** Where metrics go; {@link Metrics#globalRegistry} unless set. */
        public Builder meterRegistry(MeterRegistry value) {
            meterRegistry = Objects.requireNonNull(value, "meterRegistry");
            return this;
        }

        /** The mapper for values; the default keeps {@code BigDecimal} and {@code java.time} values exact. */
        public Builder jsonMapper(JsonMapper value) {
            jsonMapper = Objects.requireNonNull(value, "jsonMapper");
            return this;
        }

        /** The loading policy of {@code getOrLoad} calls that give only a TTL; {@link LoadPolicy#defaults} unless set. */
        public Builder loadPolicy(LoadPolicy value) {
            loadPolicy = Objects.requireNonNull(value, "loadPolicy");
            return this;
        }

        /**
         * Announces every write on the near-cache stream even though this client keeps no near cache itself, so
         * that the near caches of other processes hear about it. Clients that have a near cache always announce.
         */
        public Builder publishNearCacheInvalidations(boolean value) {
            publishNearCacheInvalidations = value;
            return this;
        }

        /** The wall clock that entries' logical expiry is measured on; tests move it. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Builds the client and starts connecting; a Redis that is down at this point is not an error. */
        public CacheClient build() {
            CircuitBreaker breaker = CircuitBreaker.of(settings.name(), GuardedRedis.breakerConfig(settings.breaker()));
            RedisConnector connector = new RedisConnector(settings);
            GuardedRedis redis = new GuardedRedis(settings, connector, breaker, meterRegistry);
            JsonCodec codec = new JsonCodec(jsonMapper != null ? jsonMapper : JsonCodec.defaultMapper());
            SharedConnection shared = new SharedConnection(settings, redis, connector, codec,
                    new PayloadCompressor(settings.compression()), meterRegistry, clock, new LoadsInFlight(),
                    new MetricsByName(meterRegistry));
            LoadPolicy policy = loadPolicy != null ? loadPolicy : LoadPolicy.defaults(settings.defaultTtl());
            return new RedisCacheClient(shared, settings, policy, true, publishNearCacheInvalidations);
        }
    }
}
