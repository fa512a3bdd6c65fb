package com.realestate.cache.client;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything a {@link CacheClient} needs to know, validated once at construction so that a bad value
 * fails at start with its name, not at the first request. Copies are made with the {@code withX} methods.
 *
 * @param redisUrl       {@code redis://} or {@code rediss://} URL; password and database index may be in it, the
 *                       password up to the last {@code @} and with {@code %} written {@code %25}. A
 *                       comma-separated host list ({@code redis://h1:7000,h2:7001,h3:7002}) names the seed nodes
 *                       of a Redis Cluster
 * @param cluster        {@code true} when a single URL is the seed of a Redis Cluster; a list of several seeds is
 *                       a cluster whatever this says
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
        boolean cluster,
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
        boolean clustered = RedisLocation.parse(redisUrl, cluster).cluster();
        requireValidPrefix(keyPrefix, clustered);
        requirePositive("defaultTtl", defaultTtl);
        requirePositive("commandTimeout", commandTimeout);
        requirePositive("connectTimeout", connectTimeout);
        if (name == null || name.isBlank()) {
            throw new CacheConfigurationException("name must not be blank");
        }
    }

    /** The defaults of DEVELOPERS.md: local Redis, {@code realestate:}, one hour, a 500 ms command timeout. */
    public static CacheSettings defaults() {
        return new CacheSettings(DEFAULT_REDIS_URL, false, DEFAULT_KEY_PREFIX, DEFAULT_TTL, DEFAULT_COMMAND_TIMEOUT,
                DEFAULT_CONNECT_TIMEOUT, BreakerSettings.defaults(), "redis", Compression.defaults());
    }

    /** Settings from the process environment ({@code REDIS_URL}, {@code CACHE_DEFAULT_TTL}, …), defaults elsewhere. */
    public static CacheSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Settings from the given variables: {@code REDIS_URL} (one URL, or a seed list for a cluster),
     * {@code REDIS_CLUSTER} ({@code true} when a single URL is a cluster), {@code CACHE_DEFAULT_TTL} (seconds),
     * {@code CACHE_KEY_PREFIX}, {@code CACHE_COMMAND_TIMEOUT_MS} and {@code CACHE_CONNECT_TIMEOUT_MS}.
     */
    public static CacheSettings fromEnvironment(Map<String, String> env) {
        CacheSettings defaults = defaults();
        return new CacheSettings(
                env.getOrDefault("REDIS_URL", defaults.redisUrl()),
                flag(env, "REDIS_CLUSTER", defaults.cluster()),
                env.getOrDefault("CACHE_KEY_PREFIX", defaults.keyPrefix()),
                duration(env, "CACHE_DEFAULT_TTL", Duration::ofSeconds, defaults.defaultTtl()),
                duration(env, "CACHE_COMMAND_TIMEOUT_MS", Duration::ofMillis, defaults.commandTimeout()),
                duration(env, "CACHE_CONNECT_TIMEOUT_MS", Duration::ofMillis, defaults.connectTimeout()),
                defaults.breaker(),
                defaults.name(),
                defaults.compression());
    }

    public CacheSettings withRedisUrl(String value) {
        return new CacheSettings(value, cluster, keyPrefix, defaultTtl, commandTimeout, connectTimeout, breaker, name, compression);
    }

    /** Settings for a cluster behind a single seed URL (a list of several seeds is a cluster anyway). */
    public CacheSettings withCluster(boolean value) {
        return new CacheSettings(redisUrl, value, keyPrefix, defaultTtl, commandTimeout, connectTimeout, breaker, name, compression);
    }

    public CacheSettings withKeyPrefix(String value) {
        return new CacheSettings(redisUrl, cluster, value, defaultTtl, commandTimeout, connectTimeout, breaker, name, compression);
    }

    public CacheSettings withDefaultTtl(Duration value) {
        return new CacheSettings(redisUrl, cluster, keyPrefix, value, commandTimeout, connectTimeout, breaker, name, compression);
    }

    public CacheSettings withCommandTimeout(Duration value) {
        return new CacheSettings(redisUrl, cluster, keyPrefix, defaultTtl, value, connectTimeout, breaker, name, compression);
    }

    public CacheSettings withConnectTimeout(Duration value) {
        return new CacheSettings(redisUrl, cluster, keyPrefix, defaultTtl, commandTimeout, value, breaker, name, compression);
    }

    public CacheSettings withBreaker(BreakerSettings value) {
        return new CacheSettings(redisUrl, cluster, keyPrefix, defaultTtl, commandTimeout, connectTimeout, value, name, compression);
    }

    public CacheSettings withName(String value) {
        return new CacheSettings(redisUrl, cluster, keyPrefix, defaultTtl, commandTimeout, connectTimeout, breaker, value, compression);
    }

    public CacheSettings withCompression(Compression value) {
        return new CacheSettings(redisUrl, cluster, keyPrefix, defaultTtl, commandTimeout, connectTimeout, breaker, name, value);
    }

    /** {@code true} when Redis is a cluster: {@link #redisUrl()} lists several seeds, or {@link #cluster()} is set. */
    public boolean clusterMode() {
        return location().cluster();
    }

    /** The Lettuce form of {@link #redisUrl()} (the first seed of a cluster), with the command timeout applied. */
    RedisURI redisUri() {
        return redisUris().get(0);
    }

    /**
     * The server, or every seed of the cluster, in Lettuce's form with the command timeout applied: read from
     * {@link #redisUrl()} as this library reads it, for a Lettuce client of another library (such as Spring Data
     * Redis) that must reach the same Redis with the same credentials. Each call returns new instances.
     */
    public List<RedisURI> redisUris() {
        List<RedisURI> uris = location().uris();
        uris.forEach(uri -> uri.setTimeout(commandTimeout));
        return uris;
    }

    private RedisLocation location() {
        return RedisLocation.parse(redisUrl, cluster);
    }

    /** The URL with any password masked, for logs and health details; a cluster shows its seeds. */
    public String redisUrlForDisplay() {
        return location().forDisplay();
    }

    /**
     * {@code redisUrl} with its credentials (everything between the scheme and the last {@code @}) masked, valid URL
     * or not: for an application that reports or refuses the same {@code REDIS_URL} before a client reads it.
     */
    public static String maskedRedisUrl(String redisUrl) {
        return RedisLocation.masked(redisUrl);
    }

    /** The record's own form, but with the password of {@link #redisUrl()} masked: settings end up in logs. */
    @Override
    public String toString() {
        return "CacheSettings[redisUrl=" + RedisLocation.masked(redisUrl) + ", cluster=" + cluster + ", keyPrefix="
                + keyPrefix + ", defaultTtl=" + defaultTtl + ", commandTimeout=" + commandTimeout + ", connectTimeout="
                + connectTimeout + ", breaker=" + breaker + ", name=" + name + ", compression=" + compression + "]";
    }

    private static void requireValidPrefix(String prefix, boolean clustered) {
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
        // UTF-8 has no bytes for half a character: Redis would get another prefix ('?' instead), which flush and
        // pattern deletes, comparing keys with this one, would never find.
        int lone = prefix.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE).findFirst().orElse(-1);
        if (lone >= 0) {
            throw new CacheConfigurationException("CACHE_KEY_PREFIX must be valid Unicode, found an unpaired surrogate U+"
                    + String.format("%04X", lone));
        }
        if (clustered && (prefix.contains("{") || prefix.contains("}"))) {
            throw new CacheConfigurationException("CACHE_KEY_PREFIX must not contain '{' or '}' on a Redis Cluster:"
                    + " it would be the hash tag of every key and put them all in one slot, was '" + prefix + "'");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new CacheConfigurationException(name + " must be a positive duration, was " + value);
        }
    }

    private static boolean flag(Map<String, String> env, String variable, boolean fallback) {
        String raw = env.get(variable);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new CacheConfigurationException(variable + " must be true or false, was '" + raw + "'");
        };
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
