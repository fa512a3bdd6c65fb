package com.realestate.cache.client;

import com.realestate.cache.tier.NearCacheSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.type.TypeReference;

/**
 * A typed JSON cache on Redis whose keys all live under one prefix. It never lets a Redis outage reach the
 * caller: while Redis is down, slow or unreachable, reads are misses and writes report {@link WriteOutcome#FAILED}
 * at once, without waiting on a dead socket. Instances are thread-safe and share one connection; build them
 * with {@link CacheClients}.
 *
 * <p>Keys are the caller's part only: the client adds the prefix. A key must not be null, blank, longer than
 * 1024 characters or contain control characters ({@link InvalidKeyException}). Values are never null.
 */
public interface CacheClient extends AutoCloseable {

    /** The cached value, or empty on a miss, an outage, or a stored value that is not JSON of {@code type}. */
    default <T> Optional<T> get(String key, Class<T> type) {
        return get(CacheKey.of(key), type);
    }

    /** As {@link #get(String, Class)}, for generic types such as {@code List<Property>}. */
    default <T> Optional<T> get(String key, TypeReference<T> type) {
        return get(CacheKey.of(key), type);
    }

    /**
     * As {@link #get(String, Class)}; empty as well when one of the key's groups was invalidated since it was
     * cached, or when a value filled by {@link #getOrLoad} is past its fresh time (a plain read cannot refresh it).
     */
    <T> Optional<T> get(CacheKey key, Class<T> type);

    /** As {@link #get(CacheKey, Class)}, for generic types. */
    <T> Optional<T> get(CacheKey key, TypeReference<T> type);

    /** The cached value, or {@code defaultValue} whenever {@link #get(String, Class)} would be empty. */
    default <T> T get(String key, Class<T> type, T defaultValue) {
        return get(key, type).orElse(defaultValue);
    }

    /** As {@link #get(String, Class, Object)}, for generic types. */
    default <T> T get(String key, TypeReference<T> type, T defaultValue) {
        return get(key, type).orElse(defaultValue);
    }

    /**
     * Caches {@code value} for the default TTL. A blind write: for keys also filled by {@link #getOrLoad}, prefer
     * {@link #writeThrough} or {@link #invalidate}, which fence out loads that are still running.
     *
     * @throws CacheSerializationException when the value cannot be written as JSON (nothing is written)
     */
    WriteOutcome set(String key, Object value);

    /**
     * Caches {@code value} for {@code ttl} (at least one millisecond).
     *
     * @throws CacheSerializationException when the value cannot be written as JSON (nothing is written)
     */
    WriteOutcome set(String key, Object value, Duration ttl);

    /** Removes one key; {@link DeleteOutcome#FAILED} when it could not be done and the key may remain. */
    DeleteOutcome delete(String key);

    /**
     * Removes every cached value under the prefix whose key matches the Redis glob {@code pattern} (for example
     * {@code property:*}), with SCAN and UNLINK in batches. Keys outside the prefix are never touched, nor are the
     * {@linkplain #eventStream event streams} inside it.
     */
    BulkDeleteResult deletePattern(String pattern);

    /** {@code true} when the key is cached; {@code false} when it is not, or Redis cannot tell. */
    boolean exists(String key);

    /** The key's remaining time to live, telling a missing key apart from one that never expires. */
    KeyTtl ttl(String key);

    /**
     * Adds {@code amount} to the integer at {@code key} (a missing or invalidated key counts as 0) and returns the new
     * value; empty when Redis is unavailable or the key holds something that is not an integer. A counter this creates
     * lives for the default TTL, like every other write; later increments keep its expiry.
     */
    OptionalLong incr(String key, long amount);

    /** Removes every cached value under the prefix, and nothing else: its {@linkplain #eventStream event streams} stay. */
    BulkDeleteResult flush();

    /**
     * Cache-aside: the cached value, or else the loader's result, stored for {@code ttl} under this client's
     * {@link LoadPolicy}. Concurrent misses on one key run the loader once per process and, with a lease, once
     * across processes; a loader that began before an {@link #invalidate} of the key never stores its result.
     * A loader returning {@code null} means "absent": the result is empty, remembered only if the policy says so.
     * A loader's exception reaches the caller unchanged and nothing is cached. With Redis unavailable the loader
     * simply runs.
     */
    default <T> Optional<T> getOrLoad(String key, Class<T> type, Supplier<? extends T> loader, Duration ttl) {
        return getOrLoad(key, type, loader, loadPolicy().withTtl(ttl));
    }

    /** As {@link #getOrLoad(String, Class, Supplier, Duration)}, for a key in groups. */
    default <T> Optional<T> getOrLoad(CacheKey key, Class<T> type, Supplier<? extends T> loader, Duration ttl) {
        return getOrLoad(key, type, loader, loadPolicy().withTtl(ttl));
    }

    /** As {@link #getOrLoad(String, Class, Supplier, Duration)}, for generic types. */
    default <T> Optional<T> getOrLoad(String key, TypeReference<T> type, Supplier<? extends T> loader, Duration ttl) {
        return getOrLoad(key, type, loader, loadPolicy().withTtl(ttl));
    }

    /** As {@link #getOrLoad(String, Class, Supplier, Duration)}, with every loading layer set by {@code policy}. */
    default <T> Optional<T> getOrLoad(String key, Class<T> type, Supplier<? extends T> loader, LoadPolicy policy) {
        return getOrLoad(CacheKey.of(key), type, loader, policy);
    }

    /** As {@link #getOrLoad(String, Class, Supplier, LoadPolicy)}, for generic types. */
    default <T> Optional<T> getOrLoad(String key, TypeReference<T> type, Supplier<? extends T> loader, LoadPolicy policy) {
        return getOrLoad(CacheKey.of(key), type, loader, policy);
    }

    /** As {@link #getOrLoad(String, Class, Supplier, LoadPolicy)}, for a key in groups. */
    <T> Optional<T> getOrLoad(CacheKey key, Class<T> type, Supplier<? extends T> loader, LoadPolicy policy);

    /** As {@link #getOrLoad(CacheKey, Class, Supplier, LoadPolicy)}, for generic types. */
    <T> Optional<T> getOrLoad(CacheKey key, TypeReference<T> type, Supplier<? extends T> loader, LoadPolicy policy);

    /**
     * Write-through: hands {@code value} to {@code source} first and caches it for {@code ttl} only once that
     * returned. If the source throws, nothing is cached and the exception reaches the caller unchanged; if Redis
     * refuses the cache write, the key is invalidated rather than left stale, and {@link WriteOutcome#FAILED} says
     * so, as it does when Redis does not answer at all (without a second wait for an invalidation that could not
     * reach it either: a {@code DurableInvalidator} retries one).
     */
    default <T> WriteOutcome writeThrough(String key, T value, Consumer<? super T> source, Duration ttl) {
        return writeThrough(CacheKey.of(key), value, source, ttl);
    }

    /** As {@link #writeThrough(String, Object, Consumer, Duration)}, for a key in groups. */
    <T> WriteOutcome writeThrough(CacheKey key, T value, Consumer<? super T> source, Duration ttl);

    /**
     * Removes a key so that no load that began before this call can put an older value back (the classic
     * cache-aside race). Use it, rather than {@link #delete}, for keys filled by {@link #getOrLoad}.
     */
    default DeleteOutcome invalidate(String key) {
        return invalidate(CacheKey.of(key));
    }

    /** As {@link #invalidate(String)}; the key's groups are not touched. */
    DeleteOutcome invalidate(CacheKey key);

    /**
     * Invalidates every key of {@code group} at once, in O(1) whatever their number: the group moves to a new
     * generation and entries cached under the old one are never served again. {@link WriteOutcome#FAILED} when
     * Redis could not be told, in which case the entries may still be served.
     */
    WriteOutcome invalidateGroup(String group);

    /**
     * A view for one named cache on the same connection: its keys live under {@code <keyPrefix><name>:}, its
     * meters carry {@code cache=<name>}, and {@code policy} is its loading policy. Closing a view releases only
     * what it holds; the connection stays with this client.
     *
     * @throws CacheConfigurationException when the name is blank or has whitespace or control characters
     */
    default CacheClient scoped(String name, LoadPolicy policy) {
        return scoped(name, name, policy);
    }

    /** As {@link #scoped(String, LoadPolicy)}, with keys under {@code <keyPrefix><keySegment>:} and meters tagged {@code name}. */
    CacheClient scoped(String name, String keySegment, LoadPolicy policy);

    /**
     * A view with this client's keys, groups and connection whose meters are tagged {@code cache=<name>} and whose
     * loading policy is {@code policy}: for telling apart, in metrics, caches whose keys already carry their own
     * namespace (such as {@code PropertyKeys}).
     */
    CacheClient named(String name, LoadPolicy policy);

    /**
     * This view with a size-bounded in-process near cache in front of Redis: hits cost no round trip. It stays
     * coherent across instances through an invalidation stream that every write of any client on the prefix
     * announces; while this process cannot hear that stream, the near cache is bypassed and emptied. Cached
     * values are shared between callers, so they should be immutable.
     *
     * @throws CacheConfigurationException when this view already has a near cache
     */
    CacheClient withNearCache(NearCacheSettings nearCache);

    /** Whether Redis is reachable, the breaker's state and where this client's keys live, for health checks. */
    CacheStatus status();

    /**
     * The event stream {@code name} under this client's prefix, for events every instance must hear (such as
     * invalidations). Streams are closed with the client.
     */
    EventStream eventStream(String name);

    /** The loading policy {@link #getOrLoad(String, Class, Supplier, Duration)} starts from. */
    LoadPolicy loadPolicy();

    /** {@code true} when Redis is connected and the circuit breaker is closed (not open, nor probing after an outage). */
    boolean isAvailable();

    /** The prefix every key of this client is stored under. */
    String keyPrefix();

    /** The TTL {@link #set(String, Object)} applies. */
    Duration defaultTtl();

    /** Closes the connection and releases its threads; calls after close are misses and failed writes. */
    @Override
    void close();
}
