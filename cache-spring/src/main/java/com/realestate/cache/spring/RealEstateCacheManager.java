package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheConfigurationException;
import com.realestate.cache.client.LoadPolicy;
import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.key.KeyPart;
import com.realestate.cache.tier.NearCacheSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * Spring's {@link CacheManager} on one {@link CacheClient}: each cache is a {@link RealEstateCache} on the view
 * {@code client.scoped(name, keySegment, policy)}, so its keys live under {@code <prefix><keySegment>:} and its
 * meters carry {@code cache=<name>}, whatever its key segment. Caches configured with {@link #configureCache} are
 * created at start; other names are created on first use with {@link #defaultPolicy()}, unless
 * {@link #setDynamic dynamic creation} is off.
 *
 * <p>Values are stored as JSON that names their classes, because Spring reads cached values without saying their
 * type; only classes of the trusted packages are ever read back.
 */
public class RealEstateCacheManager implements CacheManager, InitializingBean, DisposableBean {

    private final CacheClient client;
    private final CacheValueCodec values;
    private final Map<String, Definition> definitions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RealEstateCache> caches = new ConcurrentHashMap<>();
    private final Map<String, String> cacheBySegment = new HashMap<>();
    private volatile LoadPolicy defaultPolicy;
    private volatile @Nullable NearCacheSettings nearCache;
    private volatile boolean dynamic = true;
    private volatile @Nullable DurableInvalidator durableInvalidator;

    /**
     * A manager whose caches live on {@code client} and may store values of classes in {@code trustedPackages}
     * (each with its subpackages, for example {@code java.} and {@code com.acme.listing}).
     */
    public RealEstateCacheManager(CacheClient client, Collection<String> trustedPackages) {
        this.client = Objects.requireNonNull(client, "client");
        this.values = new CacheValueCodec(new TrustedTypes(trustedPackages));
        this.defaultPolicy = springDefaults(client.loadPolicy());
    }

    /**
     * The client's policy without background refresh: a refresh would run a {@code @Cacheable} method on another
     * thread, outside the caller's transaction or security context, so caches opt in to it one by one.
     */
    static LoadPolicy springDefaults(LoadPolicy clientPolicy) {
        return clientPolicy.withEarlyRefreshBeta(0).withStaleWhileRevalidate(Duration.ZERO);
    }

    /** Declares a cache, created at start, whose keys live under its own name. */
    public void configureCache(String name, LoadPolicy policy) {
        configureCache(name, name, policy);
    }

    /**
     * Declares a cache, created at start, whose keys live under {@code keySegment}; its meters still carry its name.
     *
     * @throws IllegalStateException when the cache is already in use
     * @throws CacheConfigurationException when the segment is not a valid view name
     */
    public void configureCache(String name, String keySegment, LoadPolicy policy) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(policy, "policy");
        if (caches.containsKey(name)) {
            throw new IllegalStateException("Cache '" + name + "' is already in use and can no longer be configured");
        }
        definitions.put(name, new Definition(requireValidSegment(name, keySegment), policy, null));
    }

    /**
     * Declares a cache as {@link #configureCache(String, String, LoadPolicy)} does, with or without a near cache
     * whatever {@link #setNearCache the default}; with one, it takes the default's settings or else the library's.
     */
    public void configureCache(String name, String keySegment, LoadPolicy policy, boolean withNearCache) {
        configureCache(name, keySegment, policy);
        definitions.computeIfPresent(name, (n, definition) -> definition.withNearCache(withNearCache));
    }

    /**
     * Gives every cache created from now on (unless configured otherwise) a near cache with these settings;
     * {@code null} gives none.
     */
    public void setNearCache(@Nullable NearCacheSettings settings) {
        this.nearCache = settings;
    }

    /** Whether names that were not configured get a cache on first use (the default) or none. */
    public void setDynamic(boolean dynamic) {
        this.dynamic = dynamic;
    }

    /**
     * The invalidator, on this manager's client, that retries evictions and clears Redis refused, and until they land
     * makes reads of what they touch skip the cache. Without one such an eviction is only logged, and the evicted
     * value may be served once Redis answers again, until it expires. Set it before the caches are created.
     */
    public void setDurableInvalidator(@Nullable DurableInvalidator invalidator) {
        this.durableInvalidator = invalidator;
    }

    /** The policy of caches created on first use: the client's, minus background refresh. */
    public LoadPolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** Replaces the policy of caches created on first use from now on. */
    public void setDefaultPolicy(LoadPolicy policy) {
        this.defaultPolicy = Objects.requireNonNull(policy, "policy");
    }

    /** The client every cache of this manager is a view of. */
    public CacheClient client() {
        return client;
    }

    /** The packages (as prefixes ending in a dot) whose classes cached values may be read back as. */
    public List<String> trustedPackages() {
        return values.trusted().prefixes();
    }

    /** Creates the configured caches, so that a bad name or a clash of key segments fails the start. */
    @Override
    public void afterPropertiesSet() {
        definitions.keySet().forEach(this::getCache);
    }

    @Override
    public @Nullable Cache getCache(String name) {
        RealEstateCache cache = caches.get(name);
        if (cache != null) {
            return cache;
        }
        Definition definition = definitions.get(name);
        if (definition == null && !dynamic) {
            return null;
        }
        return create(name, definition != null ? definition
                : new Definition(requireValidSegment(name, dynamicSegment(name)), defaultPolicy, null));
    }

    @Override
    public Collection<String> getCacheNames() {
        return Collections.unmodifiableSet(caches.keySet());
    }

    /** Closes every cache's view; the client itself is closed by its owner. */
    @Override
    public synchronized void destroy() {
        caches.values().forEach(RealEstateCache::close);
        caches.clear();
        cacheBySegment.clear();
    }

    private synchronized RealEstateCache create(String name, Definition definition) {
        RealEstateCache existing = caches.get(name);
        if (existing != null) {
            return existing;
        }
        String owner = cacheBySegment.get(definition.keySegment());
        if (owner != null) {
            throw new CacheConfigurationException("Caches '" + owner + "' and '" + name + "' would share the key"
                    + " segment '" + definition.keySegment() + "' and so each other's entries; give one of them its own"
                    + " realestate.cache.caches[<name>].key-prefix");
        }
        CacheClient view = client.scoped(name, definition.keySegment(), definition.policy());
        NearCacheSettings near = nearCacheOf(definition);
        if (near != null) {
            view = view.withNearCache(near);
        }
        DurableInvalidator durable = durableInvalidator;
        RealEstateCache cache = new RealEstateCache(name, view, new CacheGroup(definition.keySegment()),
                definition.policy(), values, durable == null ? null : new RetriedEvictions(durable,
                        definition.keySegment()));
        cacheBySegment.put(definition.keySegment(), name);
        caches.put(name, cache);
        return cache;
    }

    /**
     * A key segment of a cache: it becomes {@code <prefix><segment>:}, so a colon would let one cache's keys fall
     * inside another's (cache {@code a} key {@code b:1} and cache {@code a:b} key {@code 1}), and it is the hash tag
     * of the cache's keys, so a brace would end the tag early (an empty {@code {}} would even part a key from its
     * group's token in Redis Cluster).
     */
    static String requireValidSegment(String cacheName, String segment) {
        if (segment == null || segment.isBlank()) {
            throw new CacheConfigurationException("Cache '" + cacheName + "' needs a non-blank key prefix");
        }
        if (!plainSegment(segment)) {
            throw new CacheConfigurationException("Cache '" + cacheName + "' cannot keep its keys under '" + segment
                    + "': a key prefix must not contain ':', braces, whitespace or control characters; set"
                    + " realestate.cache.caches[" + cacheName + "].key-prefix to one that does not");
        }
        return segment;
    }

    /**
     * The key segment of a cache created on first use: its name, or when the name could not be one (such as
     * {@code user:profile}, a common style) or holds a {@code %}, the name {@linkplain KeyPart#encode percent-encoded},
     * which no plain name can equal.
     */
    private static String dynamicSegment(String name) {
        return plainSegment(name) && name.indexOf('%') < 0 ? name : KeyPart.encode("cache name", name);
    }

    private static boolean plainSegment(String segment) {
        return segment.chars().noneMatch(c -> c == ':' || c == '{' || c == '}' || Character.isWhitespace(c)
                || Character.isISOControl(c));
    }

    private @Nullable NearCacheSettings nearCacheOf(Definition definition) {
        NearCacheSettings defaults = nearCache;
        if (definition.nearCache() == null) {
            return defaults;
        }
        if (!definition.nearCache()) {
            return null;
        }
        return defaults != null ? defaults : NearCacheSettings.defaults();
    }

    /** A declared cache; {@code nearCache} {@code null} follows the manager's default. */
    private record Definition(String keySegment, LoadPolicy policy, @Nullable Boolean nearCache) {

        Definition withNearCache(boolean value) {
            return new Definition(keySegment, policy, value);
        }
    }
}
