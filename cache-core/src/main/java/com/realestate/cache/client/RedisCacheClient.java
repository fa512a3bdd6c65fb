package com.realestate.cache.client;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import com.realestate.cache.tier.NearCache;
import com.realestate.cache.tier.NearCacheSettings;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/** The Lettuce-backed {@link CacheClient}: validates and prefixes keys, encodes JSON, and degrades on outages. */
final class RedisCacheClient implements CacheClient {

    private static final Logger log = LoggerFactory.getLogger(RedisCacheClient.class);
    /** Keys asked for per SCAN step: large enough to cross a big keyspace quickly, small enough not to block Redis. */
    static final int SCAN_BATCH = 1000;

    private final SharedConnection shared;
    private final boolean ownsConnection;
    private final CacheSettings settings;
    private final KeyNamespace keys;
    private final JsonCodec codec;
    private final MeteredRedis redis;
    private final CacheMetrics metrics;
    private final LoadCoordinator loads;
    private final LoadingScripts scripts;
    private final LoadPolicy loadPolicy;
    private final NearCacheChannel nearChannel;
    /** The in-process tier of this view, or {@code null} when it reads Redis every time. */
    private final NearCache near;
    /** Whether this instance unbinds the metrics when closed: views that share their base's metrics do not. */
    private final boolean ownsMetrics;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<RedisEventStream> streams = new CopyOnWriteArrayList<>();
    private final ThrottledWarning corruptValues = new ThrottledWarning(log, Duration.ofMinutes(1));

    /**
     * A client (or view) on a shared connection: keys under {@code settings.keyPrefix()}, meters tagged
     * {@code settings.name()}. Only the client that owns the connection closes it.
     */
    RedisCacheClient(SharedConnection shared, CacheSettings settings, LoadPolicy loadPolicy, boolean ownsConnection,
                     boolean publishNearCacheInvalidations) {
        this(shared, settings, loadPolicy, ownsConnection, null, publishNearCacheInvalidations);
    }

    private RedisCacheClient(SharedConnection shared, CacheSettings settings, LoadPolicy loadPolicy,
                             boolean ownsConnection, NearCacheChannel nearChannel, boolean publishNearCacheInvalidations) {
        this.shared = shared;
        this.ownsConnection = ownsConnection;
        this.settings = settings;
        this.keys = new KeyNamespace(settings.keyPrefix());
        this.codec = shared.codec();
        this.metrics = shared.metrics().acquire(settings.name());
        this.ownsMetrics = true;
        this.redis = new MeteredRedis(shared.redis(), metrics);
        this.loads = new LoadCoordinator(redis, codec, shared.compressor(), shared.clock(), shared.loadsInFlight());
        this.scripts = new LoadingScripts(redis);
        this.loadPolicy = loadPolicy;
        this.nearChannel = nearChannel != null ? nearChannel : new NearCacheChannel(settings,
                new RedisEventStream(keys.prefix() + NearCacheChannel.STREAM, redis, shared.connector(), settings),
                publishNearCacheInvalidations);
        this.near = null;
    }

    /** The same view as {@code base}, with {@code near} in front of it. */
    private RedisCacheClient(RedisCacheClient base, NearCache near) {
        this.shared = base.shared;
        this.ownsConnection = false;
        this.settings = base.settings;
        this.keys = base.keys;
        this.codec = base.codec;
        this.metrics = base.metrics;
        this.ownsMetrics = false;
        this.redis = base.redis;
        this.loads = base.loads;
        this.scripts = base.scripts;
        this.loadPolicy = base.loadPolicy;
        this.nearChannel = base.nearChannel;
        this.near = near;
        metrics.bindNearCache(near);
    }

    @Override
    public CacheClient scoped(String name, String keySegment, LoadPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        CacheSettings view = settings.withName(name).withKeyPrefix(keys.prefix() + keySegment + ":");
        return new RedisCacheClient(shared, view, policy, false, nearChannel, false);
    }

    @Override
    public CacheClient named(String name, LoadPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new RedisCacheClient(shared, settings.withName(name), policy, false, nearChannel, false);
    }

    @Override
    public CacheClient withNearCache(NearCacheSettings nearCache) {
        Objects.requireNonNull(nearCache, "nearCache");
        if (near != null) {
            throw new CacheConfigurationException("cache '" + settings.name() + "' already has a near cache");
        }
        return new RedisCacheClient(this, nearChannel.register(keys.prefix(), nearCache));
    }

    @Override
    public CacheStatus status() {
        GuardedRedis guarded = shared.redis();
        return new CacheStatus(guarded.isAvailable(), guarded.isConnected(), guarded.breakerState().name(),
                settings.redisUrlForDisplay(), keys.prefix(), settings.clusterMode());
    }

    @Override
    public <T> Optional<T> get(CacheKey key, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return lookup(key, type);
    }

    @Override
    public <T> Optional<T> get(CacheKey key, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return lookup(key, type.getType());
    }

    @Override
    public <T> Optional<T> getOrLoad(String key, Class<T> type, Supplier<? extends T> loader, LoadPolicy policy) {
        Objects.requireNonNull(type, "type");
        return getOrLoad(key, null, type, loader, policy);
    }

    @Override
    public <T> Optional<T> getOrLoad(CacheKey key, Class<T> type, Supplier<? extends T> loader, LoadPolicy policy) {
        Objects.requireNonNull(type, "type");
        return getOrLoad(key.key(), key, type, loader, policy);
    }

    @Override
    public <T> Optional<T> getOrLoad(CacheKey key, TypeReference<T> type, Supplier<? extends T> loader, LoadPolicy policy) {
        Objects.requireNonNull(type, "type");
        return getOrLoad(key.key(), key, type.getType(), loader, policy);
    }

    /**
     * The near cache's entry if it has one, else the loading path, whose result the near cache then keeps. The
     * near cache is keyed by the caller's key ({@code rawKey}), so a hit costs neither key building nor validation:
     * only validated keys were ever filled.
     */
    @SuppressWarnings("unchecked")
    private <T> Optional<T> getOrLoad(String rawKey, CacheKey key, Type type, Supplier<? extends T> loader,
                                      LoadPolicy policy) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(policy, "policy");
        if (near != null && rawKey != null) {
            NearCache.Entry hit = near.lookup(rawKey, type);
            if (hit != null) {
                return Optional.ofNullable((T) hit.value());
            }
        }
        StoredKey stored = keys.qualify(key != null ? key : CacheKey.of(rawKey));
        if (near == null) {
            return loads.getOrLoad(stored, type, loader, policy);
        }
        NearCache.Stamp stamp = near.stamp(rawKey, stored.groups());
        LoadCoordinator.Loaded<T> result = loads.getOrLoadFresh(stored, type, loader, policy);
        // Kept no longer than Redis keeps it fresh: a value near its expiry, or served stale, must not outlive it here.
        long keep = nearKeepMillis(stored.entry(), result.freshUntilMillis(), shared.clock().millis());
        if (keep > 0) {
            near.fill(stamp, rawKey, type, result.value().orElse(null), Duration.ofMillis(keep));
        }
        return result.value();
    }

    @Override
    public <T> WriteOutcome writeThrough(CacheKey key, T value, Consumer<? super T> source, Duration ttl) {
        StoredKey stored = keys.qualify(key);
        Objects.requireNonNull(value, "value: null is not cached, invalidate the key instead");
        Objects.requireNonNull(source, "source");
        ttlMillis(ttl);
        codec.encode(value);
        source.accept(value);
        WriteOutcome outcome = loads.storeWritten(stored, value, ttl);
        return nearChannel.keyChanged(stored.entry()) ? outcome : WriteOutcome.FAILED;
    }

    @Override
    public DeleteOutcome invalidate(CacheKey key) {
        String stored = keys.qualify(key).entry();
        DeleteOutcome outcome = loads.invalidate(stored);
        return nearChannel.keyChanged(stored) ? outcome : DeleteOutcome.FAILED;
    }

    @Override
    public WriteOutcome invalidateGroup(String group) {
        String generationKey = keys.generationKey(group);
        WriteOutcome outcome = loads.invalidateGroup(generationKey);
        return nearChannel.groupChanged(generationKey) ? outcome : WriteOutcome.FAILED;
    }

    @Override
    public EventStream eventStream(String name) {
        RedisEventStream stream = new RedisEventStream(keys.qualify(name), redis, shared.connector(), settings);
        streams.removeIf(RedisEventStream::closed);
        streams.add(stream);
        return stream;
    }

    /** {@code true} when this view has a near cache and it is currently serving; for tests. */
    boolean nearCacheServing() {
        return near != null && near.serving();
    }

    @Override
    public LoadPolicy loadPolicy() {
        return loadPolicy;
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> lookup(CacheKey key, Type type) {
        NearCache.Stamp stamp = null;
        if (near != null) {
            NearCache.Entry hit = near.lookup(key.key(), type);
            if (hit != null) {
                return Optional.ofNullable((T) hit.value());
            }
        }
        StoredKey stored = keys.qualify(key);
        if (near != null) {
            stamp = near.stamp(key.key(), stored.groups());
        }
        CacheEntry entry = loads.read(stored);
        long now = shared.clock().millis();
        if (entry == null || entry.softExpiryMillis() <= now) {
            metrics.miss();
            return Optional.empty();
        }
        try {
            Optional<T> value = loads.decode(entry, type);
            if (value.isPresent()) {
                metrics.hit();
            } else {
                metrics.miss();
            }
            if (stamp != null) {
                long keep = nearKeepMillis(stored.entry(), entry.softExpiryMillis(), now);
                if (keep > 0) {
                    near.fill(stamp, key.key(), type, value.orElse(null), Duration.ofMillis(keep));
                }
            }
            return value;
        } catch (JacksonException e) {
            return notOurs(stored.entry(), e.getOriginalMessage());
        } catch (IllegalStateException e) {
            return notOurs(stored.entry(), e.getMessage());
        }
    }

    /**
     * How long the near cache may keep a value that Redis holds fresh until {@code freshUntilMillis}. A value written
     * by {@code set} carries no expiry of its own ({@link Long#MAX_VALUE}): Redis drops it when the TTL {@code set}
     * gave it ends, without an announcement, so its PTTL tells. Not positive: not kept.
     */
    private long nearKeepMillis(String storedKey, long freshUntilMillis, long now) {
        if (freshUntilMillis != Long.MAX_VALUE) {
            return freshUntilMillis - now;
        }
        try {
            long pttl = redis.execute(Operation.TTL, c -> c.pttl(storedKey));
            return pttl == -1 ? Long.MAX_VALUE : pttl;
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            return 0;
        }
    }

    private <T> Optional<T> notOurs(String storedKey, String why) {
        metrics.miss();
        foreignValue(storedKey, why);
        return Optional.empty();
    }

    /** Counts and (throttled) logs a stored value this client cannot use; it is left in place, it may be someone else's. */
    private void foreignValue(String storedKey, String why) {
        metrics.corruptValue();
        corruptValues.warn("Cache '{}' ignored the value at '{}', which is not of the requested type: {}",
                settings.name(), storedKey, why);
    }

    @Override
    public WriteOutcome set(String key, Object value) {
        return set(key, value, settings.defaultTtl());
    }

    @Override
    public WriteOutcome set(String key, Object value, Duration ttl) {
        String storedKey = keys.qualify(key);
        Objects.requireNonNull(value, "value: null is not cached, delete the key instead");
        long millis = ttlMillis(ttl);
        byte[] stored = storedForm(codec.encode(value));
        WriteOutcome outcome;
        try {
            redis.execute(Operation.SET, c -> c.set(storedKey, stored, SetArgs.Builder.px(millis)));
            metrics.put();
            outcome = WriteOutcome.WRITTEN;
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            outcome = WriteOutcome.FAILED;
        }
        return nearChannel.keyChanged(storedKey) ? outcome : WriteOutcome.FAILED;
    }

    /**
     * Plain JSON, unless compression of set values is on and the value is large: then a value entry under no fence
     * that never expires logically, which every read path serves exactly like plain JSON.
     */
    private byte[] storedForm(byte[] json) {
        if (!shared.compressor().settings().setValues()) {
            return json;
        }
        byte[] compressed = shared.compressor().compress(json);
        return compressed == null ? json : CacheEntry.value("", Long.MAX_VALUE, 0, "", CacheEntry.ZSTD, compressed);
    }

    private static long ttlMillis(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl);
        }
        return ttl.toMillis();
    }

    @Override
    public DeleteOutcome delete(String key) {
        String stored = keys.qualify(key);
        DeleteOutcome outcome;
        try {
            long removed = redis.execute(Operation.DELETE, c -> c.unlink(stored));
            metrics.removed(removed);
            outcome = removed > 0 ? DeleteOutcome.DELETED : DeleteOutcome.ABSENT;
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            outcome = DeleteOutcome.FAILED;
        }
        return nearChannel.keyChanged(stored) ? outcome : DeleteOutcome.FAILED;
    }

    @Override
    public BulkDeleteResult deletePattern(String pattern) {
        return withNearCachesCleared(unlinkMatching(keys.scanPattern(pattern)));
    }

    @Override
    public BulkDeleteResult flush() {
        return withNearCachesCleared(unlinkMatching(keys.scanPattern("*")));
    }

    private BulkDeleteResult withNearCachesCleared(BulkDeleteResult result) {
        return nearChannel.everythingChanged() ? result : new BulkDeleteResult(result.deleted(), false);
    }

    private BulkDeleteResult unlinkMatching(String match) {
        // Only strings: every cached value, tombstone, lease and generation token is one, while the event streams
        // that live under the prefix too (near-cache announcements, the invalidation bus) must survive a flush, or
        // a stream recreated within the same millisecond would hide its first entries from every reader.
        ScanArgs args = KeyScanArgs.Builder.matches(match).limit(SCAN_BATCH).type("string");
        ScanCursor cursor = ScanCursor.INITIAL;
        long deleted = 0;
        try {
            do {
                ScanCursor from = cursor;
                KeyScanCursor<String> page = redis.execute(Operation.SCAN, c -> c.scan(from, args));
                String[] batch = owned(page.getKeys());
                if (batch.length > 0) {
                    long removed = redis.execute(Operation.UNLINK, c -> c.unlink(batch));
                    deleted += removed;
                    metrics.removed(removed);
                }
                cursor = page;
            } while (!cursor.isFinished());
            return new BulkDeleteResult(deleted, true);
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            log.warn("Cache '{}' stopped deleting keys matching '{}' after {}: Redis is unavailable",
                    settings.name(), match, deleted);
            return new BulkDeleteResult(deleted, false);
        }
    }

    /** Keys of a SCAN page that lie under our prefix: a second guard behind the escaped pattern. */
    private String[] owned(List<String> scanned) {
        List<String> mine = new ArrayList<>(scanned.size());
        for (String key : scanned) {
            if (keys.owns(key)) {
                mine.add(key);
            }
        }
        return mine.toArray(String[]::new);
    }

    @Override
    public boolean exists(String key) {
        String stored = keys.qualify(key);
        try {
            return scripts.valuePttl(stored, Operation.EXISTS) != -2;
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            return false;
        }
    }

    @Override
    public KeyTtl ttl(String key) {
        String stored = keys.qualify(key);
        try {
            return KeyTtl.fromPttl(scripts.valuePttl(stored, Operation.TTL));
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            return new KeyTtl.Unknown();
        }
    }

    @Override
    public OptionalLong incr(String key, long amount) {
        String stored = keys.qualify(key);
        try {
            OptionalLong value = OptionalLong.of(scripts.incr(stored, amount, settings.defaultTtl().toMillis()));
            nearChannel.keyChanged(stored);
            return value;
        } catch (RedisUnavailableException e) {
            return OptionalLong.empty();
        } catch (RedisCommandExecutionException e) {
            foreignValue(stored, e.getMessage());
            return OptionalLong.empty();
        }
    }

    @Override
    public boolean isAvailable() {
        return redis.isAvailable();
    }

    @Override
    public String keyPrefix() {
        return keys.prefix();
    }

    @Override
    public Duration defaultTtl() {
        return settings.defaultTtl();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (near != null) {
            nearChannel.unregister(near);
            metrics.unbindNearCache();
            return;
        }
        try {
            streams.forEach(RedisEventStream::close);
            loads.close();
            if (ownsConnection) {
                nearChannel.close();
                shared.close();
            }
        } finally {
            if (ownsMetrics) {
                shared.metrics().release(settings.name());
            }
        }
    }

    @Override
    public String toString() {
        return "CacheClient[" + settings.name() + " at " + settings.redisUrlForDisplay() + ", prefix '" + keys.prefix() + "']";
    }
}
