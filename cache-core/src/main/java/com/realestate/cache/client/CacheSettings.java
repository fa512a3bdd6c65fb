package com.realestate.cache.client;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything a {@link CacheClient} needs to know, validated once at construction so that a bad value
 * fails at start with its name, not at the first request. Copies are made with the {@code withX} methods.
 *
 * @param redisUrl       {@code redis://} or {@code rediss://} URL; password and database index may be in it
 * @param keyPrefix      namespace of every key; pattern deletes and flush never leave it
 * @param defaultTtl     expiry of {@link CacheClient#set(String, Object)}
 * @param commandTimeout longest a single Redis command may take before it counts as failed
 * @param connectTimeout longest a connection attempt may take
 * @param breaker        when to stop calling an unhealthy Redis
 * @param name           the {@code cache} tag of this client's metrics and its name in logs
 * @param compression    which values are stored zstd-compressed
 */
public record CacheSettings(
        String redisUrl,
        String keyPrefix,
        Duration defaultTtl,
        Duration commandTimeout,
        Duration connectTimeout,
        BreakerSettings breaker,
        String name,
        Compression compression) {

    public static final String DEFAULT_REDIS_URL = "redis://localhost:6379/0";
    public static final String DEFAULT_KEY_PREFIX = "realestate:";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final int MAX_PREFIX_LENGTH = 128;

    public CacheSettings {
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(compression, "compression");
        parseRedisUri(redisUrl);
        requireValidPrefix(keyPrefix);
        requirePositive("defaultTtl", defaultTtl);
        requirePositive("commandTimeout", commandTimeout);
        requirePositive("connectTimeout", connectTimeout);
        if (name == null || name.isBlank()) {
            throw new CacheConfigurationException("name must not be blank");
        }
    }

    /** The defaults of DEVELOPERS.md: local Redis, {@code realestate:}, one hour, a 500 ms command timeout. */
    public static CacheSettings defaults() {
        return new CacheSettings(DEFAULT_REDIS_URL, DEFAULT_KEY_PREFIX, DEFAULT_TTL, DEFAULT_COMMAND_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT, BreakerSettings.defaults(), "redis", Compression.defaults());
    }

    /** Settings from the process environment ({@code REDIS_URL}, {@code CACHE_DEFAULT_TTL}, …), defaults elsewhere. */
    public static CacheSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Settings from the given variables: {@code REDIS_URL}, {@code CACHE_DEFAULT_TTL} (seconds),
     * {@code CACHE_KEY_PREFIX}, {@code CACHE_COMMAND_TIMEOUT_MS} and {@code CACHE_CONNECT_TIMEOUT_MS}.
     */
    public static CacheSettings fromEnvironment(Map<String, String> env) {
        CacheSettings defaults = defaults();
        return new CacheSettings(
                env.getOrDefault("REDIS_URL", defaults.redisUrl()),
                env.getOrDefault("CACHE_KEY_PREFIX", defaults.keyPrefix()),
                duration(env, "CACHE_DEFAULT_TTL", Duration::ofSeconds, defaults.defaultTtl()),
                duration(env, "CACHE_COMMAND_TIMEOUT_MS", Duration::ofMillis, defaults.commandTimeout()),
                duration(env, "CACHE_CONNECT_TIMEOUT_MS", Duration::ofMillis, defaults.connectTimeout()),
                defaults.breaker(),
                defaults.name(),
                defaults.compression());
    }

    public CacheSettings withRedisUrl(String value) {
        return new CacheSettings(value, keyPrefix, defaultTtl, commandTimeout, connectTimeout, breaker, name,
                compression);
    }

    public CacheSettings withKeyPrefix(String value) {
        return new CacheSettings(redisUrl, value, defaultTtl, commandTimeout, connectTimeout, breaker, name,
                compression);
    }

    public CacheSettings withDefaultTtl(Duration value) {
        return new CacheSettings(redisUrl, keyPrefix, value, commandTimeout, connectTimeout, breaker, name,
                compression);
    }

    public CacheSettings withCommandTimeout(Duration value) {
        return new CacheSettings(redisUrl, keyPrefix, defaultTtl, value, connectTimeout, breaker, name, compression);
    }

    public CacheSettings withConnectTimeout(Duration value) {
        return new CacheSettings(redisUrl, keyPrefix, defaultTtl, commandTimeout, value, breaker, name, compression);
    }

    public CacheSettings withBreaker(BreakerSettings value) {
        return new CacheSettings(redisUrl, keyPrefix, defaultTtl, commandTimeout, connectTimeout, value, name,
                compression);
    }

    public CacheSettings withName(String value) {
        return new CacheSettings(redisUrl, keyPrefix, defaultTtl, commandTimeout, connectTimeout, breaker, value,
                compression);
    }

    public CacheSettings withCompression(Compression value) {
        return new CacheSettings(redisUrl, keyPrefix, defaultTtl, commandTimeout, connectTimeout, breaker, name, value);
    }

    /** The Lettuce form of {@link #redisUrl()}, with the command timeout applied. */
    RedisURI redisUri() {
        RedisURI uri = parseRedisUri(redisUrl);
        uri.setTimeout(commandTimeout);
        return uri;
    }

    /** The URL with any password masked, for logs and health details. */
    public String redisUrlForDisplay() {
        RedisURI uri = parseRedisUri(redisUrl);
        return (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    private static RedisURI parseRedisUri(String url) {
        if (url == null || url.isBlank()) {
            throw new CacheConfigurationException("REDIS_URL must not be blank");
        }
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new CacheConfigurationException(
                    "REDIS_URL must start with redis:// or rediss://, was '" + masked(url) + "'");
        }
        try {
            return RedisURI.create(url);
        } catch (RuntimeException e) {
            throw new CacheConfigurationException("REDIS_URL is malformed: '" + masked(url) + "'", e);
        }
    }

    private static String masked(String url) {
        int at = url.indexOf('@');
        int scheme = url.indexOf("://");
        return at > 0 && scheme > 0 && at > scheme ? url.substring(0, scheme + 3) + "***" + url.substring(at) : url;
    }

    private static void requireValidPrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new CacheConfigurationException(
                    "CACHE_KEY_PREFIX must not be blank: flush and pattern deletes are scoped to it");
        }
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw new CacheConfigurationException(
                    "CACHE_KEY_PREFIX must be at most " + MAX_PREFIX_LENGTH + " characters, was " + prefix.length());
        }
        if (prefix.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new CacheConfigurationException("CACHE_KEY_PREFIX must not contain whitespace or control characters");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new CacheConfigurationException(name + " must be a positive duration, was " + value);
        }
    }

    private static Duration duration(
            Map<String, String> env, String variable, Function<Long, Duration> unit, Duration fallback) {
        String raw = env.get(variable);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long amount = Long.parseLong(raw.trim());
            if (amount <= 0) {
                throw new CacheConfigurationException(variable + " must be a positive whole number, was '" + raw + "'");
            }
            return unit.apply(amount);
        } catch (NumberFormatException e) {
            throw new CacheConfigurationException(variable + " must be a positive whole number, was '" + raw + "'", e);
        }
    }
}
