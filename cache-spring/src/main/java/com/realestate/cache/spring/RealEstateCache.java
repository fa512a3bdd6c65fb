package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.client.DeleteOutcome;
import com.realestate.cache.client.LoadPolicy;
import com.realestate.cache.client.WriteOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;
import org.springframework.cache.support.SimpleValueWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One Spring cache on a scoped view of the {@link CacheClient}, so that {@code @Cacheable} and friends get the
 * client's behaviour: a Redis outage is a miss (the method runs) and never an exception, {@code sync = true} loads
 * once per key across threads and processes, and an eviction is fenced, so a load that was in flight cannot put
 * the old value back. Every key is in a group of the cache's own, so {@link #clear()} is one command whatever the
 * cache's size, and fenced as well. Keys and group carry the hash tag {@code {<key segment>}}, so that in Redis
 * Cluster they share a slot: a whole cache lives in one slot.
 *
 * <p>A {@code null} result is remembered for the cache's {@code negativeTtl} and, while that is zero (the
 * default), not at all: storing {@code null} then evicts the key, so an older value cannot outlive it.
 *
 * <p>An eviction or clear that Redis refuses (an outage) is retried by the application's
 * {@link com.realestate.cache.invalidation.DurableInvalidator}, when the manager has one, and until it lands reads
 * of what it touches skip the cache: the evicted value is not served again when Redis comes back.
 */
public final class RealEstateCache extends AbstractValueAdaptingCache {

    private static final Logger log = LoggerFactory.getLogger(RealEstateCache.class);
    /** Where asynchronous retrievals run: a virtual thread each, since a cache call blocks on Redis, briefly. */
    private static final Executor OFF_THE_CALLER = task -> Thread.ofVirtual().name("realestate-cache-retrieve")
            .start(task);

    private final String name;
    private final CacheClient view;
    private final CacheGroup keys;
    private final LoadPolicy policy;
    private final LoadPolicy putIfAbsentPolicy;
    private final CacheValueCodec values;
    private final @Nullable RetriedEvictions retried;
    private final ThrottledWarning warnings = new ThrottledWarning(log, Duration.ofSeconds(30));

    RealEstateCache(String name, CacheClient view, CacheGroup keys, LoadPolicy policy, CacheValueCodec values,
                    @Nullable RetriedEvictions retried) {
        super(true);
        this.name = name;
        this.view = view;
        this.keys = keys;
        this.policy = policy;
        // putIfAbsent must only store its own value: no background refresh may re-run its "loader" later.
        this.putIfAbsentPolicy = policy.withEarlyRefreshBeta(0).withStaleWhileRevalidate(Duration.ZERO);
        this.values = values;
        this.retried = retried;
    }

    @Override
    public String getName() {
        return name;
    }

    /**
     * The scoped {@link CacheClient} view this cache stores in. Its entries are keys in the cache's group, under its
     * hash tag, so the view's methods that take a plain {@code String} key do not see them as this cache does.
     */
    @Override
    public CacheClient getNativeCache() {
        return view;
    }

    /** The loading policy of this cache: its TTLs and its protections against stampedes. */
    public LoadPolicy policy() {
        return policy;
    }

    @Override
    protected @Nullable Object lookup(Object key) {
        CacheKey stored = keys.key(key);
        if (!mayServe(stored)) {
            return null;
        }
        return view.get(stored, JsonNode.class).map(tree -> decodeOrNull(stored, tree)).orElse(null);
    }

    /** {@code false} while an eviction of the key, or a clear of this cache, that Redis refused is being retried. */
    private boolean mayServe(CacheKey stored) {
        return retried == null || retried.mayServe(stored);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
        CacheKey stored = keys.key(key);
        if (!mayServe(stored)) {
            return call(key, valueLoader);
        }
        // What this call's own load produced: handed back as it is, not read back from its JSON.
        AtomicReference<Object> loadedHere = new AtomicReference<>();
        Optional<JsonNode> tree = view.getOrLoad(stored, JsonNode.class, () -> {
            Object value = call(key, valueLoader);
            loadedHere.set(toStoreValue(value));
            return value == null ? null : values.encode(value);
        }, policy);
        if (loadedHere.get() != null) {
            return (T) fromStoreValue(loadedHere.get());
        }
        if (tree.isEmpty()) {
            return null;
        }
        Object cached = decodeOrNull(stored, tree.get());
        if (cached == null) {
            // A value this application can no longer read (a renamed class): load afresh and replace it.
            T value = call(key, valueLoader);
            put(key, value);
            return value;
        }
        return (T) fromStoreValue(cached);
    }

    /**
     * The cached value, looked up on a virtual thread of its own so that the caller never waits on Redis: completes
     * with {@code null} on a miss and with a {@link ValueWrapper} on a hit (whose value is {@code null} for a
     * remembered {@code null}), as Spring expects of a cache that keeps nulls.
     */
    @Override
    public CompletableFuture<?> retrieve(Object key) {
        return CompletableFuture.supplyAsync(() -> get(key), OFF_THE_CALLER);
    }

    /**
     * As {@link #get(Object, Callable)} on a virtual thread: the cached value, or else the loader's, stored once it
     * completes, with one load per key across threads and processes. The future fails with the loader's own
     * exception when its future fails.
     */
    @Override
    public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        OFF_THE_CALLER.execute(() -> {
            try {
                result.complete(get(key, () -> valueLoader.get().join()));
            } catch (ValueRetrievalException e) {
                Throwable cause = e.getCause() instanceof CompletionException completion && completion.getCause() != null
                        ? completion.getCause() : e.getCause();
                result.completeExceptionally(cause != null ? cause : e);
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void put(Object key, @Nullable Object value) {
        CacheKey stored = keys.key(key);
        WriteOutcome outcome;
        if (value != null) {
            outcome = view.writeThrough(stored, values.encode(value), written -> { }, jitteredTtl());
        } else if (policy.negativeTtl().isZero()) {
            evict(key);
            return;
        } else {
            outcome = view.writeThrough(stored, values.encode(NullValue.INSTANCE), written -> { }, policy.negativeTtl());
        }
        if (outcome == WriteOutcome.FAILED && retried != null) {
            // The old value may still be in Redis: a put that did not land is an eviction to retry.
            retried.evictionRefused(stored);
        }
    }

    @Override
    public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
        CacheKey stored = keys.key(key);
        if (!mayServe(stored)) {
            put(key, value);
            return null;
        }
        AtomicBoolean storedHere = new AtomicBoolean();
        Optional<JsonNode> existing = view.getOrLoad(stored, JsonNode.class, () -> {
            storedHere.set(true);
            return value == null ? null : values.encode(value);
        }, putIfAbsentPolicy);
        if (storedHere.get()) {
            return null;
        }
        if (existing.isEmpty()) {
            return new SimpleValueWrapper(null);
        }
        Object cached = decodeOrNull(stored, existing.get());
        if (cached == null) {
            put(key, value);
            return null;
        }
        return toValueWrapper(cached);
    }

    @Override
    public void evict(Object key) {
        evictIfPresent(key);
    }

    /**
     * Removes the key with a fence, as {@link #evict} does. {@code true} when Redis held a value for it; after a
     * {@link #clear()} that can still be an entry of the old generation, which was no longer served.
     */
    @Override
    public boolean evictIfPresent(Object key) {
        CacheKey stored = keys.key(key);
        DeleteOutcome outcome = view.invalidate(stored);
        if (outcome == DeleteOutcome.FAILED) {
            if (retried != null) {
                retried.evictionRefused(stored);
            } else {
                warnings.warn("Cache '{}' could not evict '{}' while Redis is unavailable; its value may be served"
                        + " until it expires", name, stored.key());
            }
        }
        return outcome == DeleteOutcome.DELETED;
    }

    /** As {@link #invalidate()}. */
    @Override
    public void clear() {
        invalidate();
    }

    /**
     * Makes every entry of this cache a miss at once with one command, whatever their number, by moving the cache's
     * group to a new generation; a load in flight cannot put an older value back either. The old entries stay in
     * Redis, never served again, until their TTL ends. Always {@code false}, as the contract allows when the prior
     * presence of entries cannot be determined: finding out would cost a scan of the keyspace.
     */
    @Override
    public boolean invalidate() {
        if (view.invalidateGroup(keys.group()) == WriteOutcome.FAILED) {
            if (retried != null) {
                retried.clearRefused(keys.group());
            } else {
                warnings.warn("Cache '{}' could not be cleared while Redis is unavailable; its values may be served"
                        + " until they expire", name);
            }
        }
        return false;
    }

    /** Closes the view, releasing its background refresh threads and meters; the shared connection stays. */
    void close() {
        view.close();
    }

    private Duration jitteredTtl() {
        long millis = policy.ttl().toMillis();
        long spread = (long) (millis * policy.ttlJitter() * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.max(1, millis - spread));
    }

    private <T> T call(Object key, Callable<T> valueLoader) {
        try {
            return valueLoader.call();
        } catch (Exception e) {
            throw new ValueRetrievalException(key, valueLoader, e);
        }
    }

    /** The stored value, or {@code null} (a miss) when it cannot be read back, for example after a class was renamed. */
    private @Nullable Object decodeOrNull(CacheKey stored, JsonNode tree) {
        try {
            return values.decode(tree);
        } catch (JacksonException e) {
            warnings.warn("Cache '{}' ignored the value at '{}', which cannot be read back: {}",
                    name, stored.key(), e.getOriginalMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "RealEstateCache[" + name + " on " + view + ", ttl " + policy.ttl() + "]";
    }
}
