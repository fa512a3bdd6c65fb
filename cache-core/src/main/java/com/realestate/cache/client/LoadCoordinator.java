package com.realestate.cache.client;

import com.realestate.cache.client.LoadingScripts.Acquired;
import com.realestate.cache.client.LoadsInFlight.Flight;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Cache-aside loading with every layer against stampedes and stale data: single flight within the process,
 * a lease in Redis across processes, probabilistic early refresh, stale-while-revalidate, TTL jitter, negative
 * caching, and fenced stores so that a load that began before an invalidation can never store its result
 * after it. Each layer is switched by the {@link LoadPolicy} of the call.
 */
final class LoadCoordinator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadCoordinator.class);
    /** How long a tombstone keeps the fence of an invalidated key: longer than any sane load. */
    static final Duration FENCE_TTL = Duration.ofHours(1);
    private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

    private final MeteredRedis redis;
    private final LoadingScripts scripts;
    private final JsonCodec codec;
    private final PayloadCompressor compressor;
    private final CacheMetrics metrics;
    private final Clock clock;
    private final ConcurrentHashMap<String, Flight> inflight;
    private final ExecutorService refresher = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("cache-refresh-", 0).factory());

    LoadCoordinator(MeteredRedis redis, JsonCodec codec, PayloadCompressor compressor, Clock clock,
                    LoadsInFlight loadsInFlight) {
        this.redis = redis;
        this.scripts = new LoadingScripts(redis);
        this.codec = codec;
        this.compressor = compressor;
        this.metrics = redis.metrics();
        this.clock = clock;
        this.inflight = loadsInFlight.flights();
    }

    <T> Optional<T> getOrLoad(StoredKey key, Type type, Supplier<? extends T> loader, LoadPolicy policy) {
        return this.<T>getOrLoadFresh(key, type, loader, policy).value();
    }

    /** As {@link #getOrLoad}, saying until when the result is fresh in Redis, for a near cache to keep it no longer. */
    <T> Loaded<T> getOrLoadFresh(StoredKey key, Type type, Supplier<? extends T> loader, LoadPolicy policy) {
        CacheEntry entry;
        try {
            entry = readOrThrow(key);
        } catch (RedisUnavailableException e) {
            metrics.miss();
            return coalesced(key, policy, () -> Loaded.notKept(loadOnly(loader)));
        }
        if (entry != null) {
            Loaded<T> served = serve(key, entry, type, loader, policy);
            if (served != null) {
                metrics.hit();
                return served;
            }
        }
        metrics.miss();
        return coalesced(key, policy, () -> loadThroughRedis(key, type, loader, policy));
    }

    /**
     * A result and until when it is fresh in Redis, in epoch milliseconds: 0 when it is not (loaded while Redis was
     * unavailable, served stale while it refreshes, or its store was refused), {@link Long#MAX_VALUE} when the entry
     * carries no expiry of its own (written by {@code set}), so that only its key's TTL in Redis tells.
     */
    record Loaded<T>(Optional<T> value, long freshUntilMillis, boolean superseded) {

        Loaded(Optional<T> value, long freshUntilMillis) {
            this(value, freshUntilMillis, false);
        }

        static <T> Loaded<T> notKept(Optional<T> value) {
            return new Loaded<>(value, 0);
        }

        /** A value whose store was refused because an invalidation reached Redis while it loaded. */
        static <T> Loaded<T> superseded(Optional<T> value) {
            return new Loaded<>(value, 0, true);
        }
    }

    /** What became of a loaded value's store. */
    private enum Store {
        STORED,
        /** Refused: the fence or a group token moved on, so an invalidation arrived while the value loaded. */
        SUPERSEDED,
        /** Redis could not be asked. */
        NOT_STORED
    }

    /** Runs {@code load} once per key in this process at a time when the policy asks for single flight. */
    private <T> Loaded<T> coalesced(StoredKey key, LoadPolicy policy, Supplier<Loaded<T>> load) {
        return policy.singleFlight() ? joinOrLead(key, load) : load.get();
    }

    /** The entry's value if it may be served now (starting a background refresh when due), else {@code null}. */
    private <T> Loaded<T> serve(
            StoredKey key, CacheEntry entry, Type type, Supplier<? extends T> loader, LoadPolicy policy) {
        Optional<T> value;
        try {
            value = decode(entry, type);
        } catch (JacksonException | IllegalStateException e) {
            metrics.corruptValue();
            return null;
        }
        long now = clock.millis();
        if (entry.kind() == CacheEntry.PLAIN) {
            return new Loaded<>(value, freshUntil(entry, now));
        }
        if (now < entry.softExpiryMillis()) {
            if (entry.kind() == CacheEntry.VALUE && earlyRefreshDue(entry, now, policy.earlyRefreshBeta())) {
                refreshInBackground(key, entry.fence(), entry.groups(), type, loader, policy, "early");
            }
            return new Loaded<>(value, freshUntil(entry, now));
        }
        if (now - policy.staleWhileRevalidate().toMillis() < entry.softExpiryMillis()) {
            refreshInBackground(key, entry.fence(), entry.groups(), type, loader, policy, "stale");
            return Loaded.notKept(value);
        }
        return null;
    }

    /**
     * Until when an entry Redis holds is fresh, 0 when it no longer is; a value written by {@code set} says nothing of
     * its expiry ({@link Long#MAX_VALUE}): the TTL that {@code set} gave its key does, which the policy's may exceed.
     */
    private static long freshUntil(CacheEntry entry, long now) {
        return entry.softExpiryMillis() > now ? entry.softExpiryMillis() : 0;
    }

    /** {@code true} when a value Redis still holds may be served by this policy's clock. */
    private boolean fresh(CacheEntry entry, LoadPolicy policy) {
        return entry.kind() == CacheEntry.PLAIN
                || clock.millis() - policy.staleWhileRevalidate().toMillis() < entry.softExpiryMillis();
    }

    /** XFetch: refresh with a probability that rises as expiry nears, sooner for values that took long to load. */
    private static boolean earlyRefreshDue(CacheEntry entry, long now, double beta) {
        if (beta <= 0 || entry.loadMillis() <= 0) {
            return false;
        }
        double gap = -entry.loadMillis() * beta * Math.log(1 - ThreadLocalRandom.current().nextDouble());
        return now + gap >= entry.softExpiryMillis();
    }

    /**
     * Runs {@code load} unless a load of the same key is running in this process, whose result it then shares. A
     * shared result that an invalidation superseded is not taken: that invalidation may have been made by another
     * process (which cannot forget this process's loads) and have returned before this caller arrived, so the caller
     * runs, or joins, a load that began after it instead.
     */
    private <T> Loaded<T> joinOrLead(StoredKey key, Supplier<Loaded<T>> load) {
        return joinOrLead(key, load, true);
    }

    @SuppressWarnings("unchecked")
    private <T> Loaded<T> joinOrLead(StoredKey key, Supplier<Loaded<T>> load, boolean mayRetry) {
        Flight mine = new Flight(key, new CompletableFuture<>());
        Flight running = inflight.putIfAbsent(key.entry(), mine);
        if (running != null) {
            metrics.coalesced();
            Loaded<T> shared = (Loaded<T>) await(running.result());
            if (!shared.superseded() || !mayRetry) {
                return shared;
            }
            inflight.remove(key.entry(), running);
            return joinOrLead(key, load, false);
        }
        try {
            Loaded<T> result = load.get();
            mine.result().complete(result);
            return result;
        } catch (Throwable e) {
            // Any throwable: a checked one thrown by Kotlin code or @SneakyThrows would leave the joiners waiting forever.
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            inflight.remove(key.entry(), mine);
        }
    }

    private static Loaded<?> await(CompletableFuture<Loaded<?>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw LoadCoordinator.<RuntimeException>unchanged(e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Rethrows the loader's own throwable, checked or not, so that a joiner sees what the leader saw. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E unchanged(Throwable thrown) throws E {
        throw (E) thrown;
    }

    /** Takes the lease (or waits for its holder), loads and stores under the fence the load began with. */
    private <T> Loaded<T> loadThroughRedis(StoredKey key, Type type, Supplier<? extends T> loader, LoadPolicy policy) {
        String token = policy.leased() ? newToken() : "";
        long deadline = System.nanoTime() + policy.leaseWait().toNanos();
        long pause = TimeUnit.MILLISECONDS.toNanos(2);
        boolean waited = false;
        while (true) {
            Acquired acquired;
            try {
                acquired = scripts.acquire(key, policy.lease().toMillis(), token, newToken());
            } catch (RedisUnavailableException | RedisCommandExecutionException e) {
                return Loaded.notKept(loadOnly(loader));
            }
            switch (acquired.status()) {
                case PRESENT -> {
                    CacheEntry entry = CacheEntry.parse(acquired.value());
                    Optional<T> present = fresh(entry, policy) ? decodeQuietly(entry, type) : null;
                    if (present != null) {
                        return new Loaded<>(present, freshUntil(entry, clock.millis()));
                    }
                    return loadAndStore(key, entry.fence(), acquired.groups(), null, type, loader, policy);
                }
                case GRANTED -> {
                    return loadAndStore(key, acquired.fence(), acquired.groups(), policy.leased() ? token : null, type,
                            loader, policy);
                }
                case BUSY -> {
                    if (!waited) {
                        metrics.leaseWait();
                        waited = true;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        metrics.leaseTimeout();
                        return loadAndStore(key, acquired.fence(), acquired.groups(), null, type, loader, policy);
                    }
                    LockSupport.parkNanos(pause);
                    pause = Math.min(pause * 2, MAX_POLL_NANOS);
                }
            }
        }
    }

    private <T> Loaded<T> loadAndStore(StoredKey key, String fence, String groups, String leaseToken, Type type,
                                       Supplier<? extends T> loader, LoadPolicy policy) {
        long started = System.nanoTime();
        T value;
        try {
            value = loader.get();
        } catch (Throwable e) {
            metrics.loadFailed(System.nanoTime() - started);
            releaseQuietly(key, leaseToken);
            throw e;
        }
        long loadNanos = System.nanoTime() - started;
        metrics.loaded(loadNanos);
        long now = clock.millis();
        if (value == null) {
            long freshUntil = now + policy.negativeTtl().toMillis();
            if (policy.negativeTtl().isZero()) {
                releaseQuietly(key, leaseToken);
                return Loaded.notKept(Optional.empty());
            }
            Store stored = store(key, fence, groups, CacheEntry.absent(fence, freshUntil, groups),
                    policy.negativeTtl().toMillis());
            return loaded(Optional.empty(), stored, freshUntil);
        }
        byte[] json;
        try {
            json = codec.encode(value);
        } catch (CacheSerializationException e) {
            releaseQuietly(key, leaseToken);
            throw e;
        }
        long fresh = jittered(policy.ttl(), policy.ttlJitter());
        long loadMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(loadNanos));
        byte[] entry = valueEntry(fence, now + fresh, loadMillis, groups, json);
        Store stored = store(key, fence, groups, entry, fresh + policy.staleWhileRevalidate().toMillis());
        return loaded(Optional.of(value), stored, now + fresh);
    }

    private static <T> Loaded<T> loaded(Optional<T> value, Store stored, long freshUntilMillis) {
        return switch (stored) {
            case STORED -> new Loaded<>(value, freshUntilMillis);
            case SUPERSEDED -> Loaded.superseded(value);
            case NOT_STORED -> Loaded.notKept(value);
        };
    }

    /** A value entry with the JSON compressed when it is large enough for that to pay. */
    private byte[] valueEntry(String fence, long softExpiryMillis, long loadMillis, String groups, byte[] json) {
        byte[] compressed = compressor.compress(json);
        return compressed == null
                ? CacheEntry.value(fence, softExpiryMillis, loadMillis, groups, json)
                : CacheEntry.value(fence, softExpiryMillis, loadMillis, groups, CacheEntry.ZSTD, compressed);
    }

    /**
     * Whether Redis took the entry, refused it because its fence or a group's token had moved on since the load
     * began, or could not be asked.
     */
    private Store store(StoredKey key, String fence, String groups, byte[] entry, long ttlMillis) {
        try {
            if (scripts.fencedSet(key, fence, groups, entry, ttlMillis)) {
                metrics.put();
                return Store.STORED;
            }
            metrics.staleSetRefused();
            return Store.SUPERSEDED;
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            log.debug("Could not store the loaded value of '{}'", key, e);
            return Store.NOT_STORED;
        }
    }

    private <T> Optional<T> loadOnly(Supplier<? extends T> loader) {
        long started = System.nanoTime();
        try {
            T value = loader.get();
            metrics.loaded(System.nanoTime() - started);
            return Optional.ofNullable(value);
        } catch (Throwable e) {
            metrics.loadFailed(System.nanoTime() - started);
            throw e;
        }
    }

    private <T> void refreshInBackground(StoredKey key, String fence, String groups, Type type,
                                         Supplier<? extends T> loader, LoadPolicy policy, String trigger) {
        Flight mine = new Flight(key, new CompletableFuture<>());
        if (inflight.putIfAbsent(key.entry(), mine) != null) {
            return;
        }
        metrics.refresh(trigger);
        try {
            refresher.execute(() -> {
                try {
                    mine.result().complete(loadAndStore(key, fence, groups, null, type, loader, policy));
                } catch (Throwable e) {
                    log.debug("Background refresh of '{}' failed; the current value stays until it expires",
                            key.entry(), e);
                    mine.result().completeExceptionally(e);
                } finally {
                    inflight.remove(key.entry(), mine);
                }
            });
        } catch (RuntimeException rejected) {
            inflight.remove(key.entry(), mine);
        }
    }

    /**
     * Replaces the key with a tombstone under a new fence: the value is gone, and any load that began before
     * cannot store its result. Loads running in this process are forgotten once the tombstone is in place, so
     * callers arriving after this returns start afresh: one that began while the tombstone was on its way may have
     * read the old value from Redis.
     */
    DeleteOutcome invalidate(String key) {
        byte[] tombstone = CacheEntry.tombstone(newToken());
        try {
            byte[] previous = redis.execute(Operation.SET,
                    c -> c.setGet(key, tombstone, SetArgs.Builder.px(FENCE_TTL.toMillis())));
            metrics.removed(1);
            return previous != null && CacheEntry.parse(previous).servable() ? DeleteOutcome.DELETED : DeleteOutcome.ABSENT;
        } catch (RedisUnavailableException e) {
            return DeleteOutcome.FAILED;
        } catch (RedisCommandExecutionException wrongType) {
            return replaceForeign(key, tombstone);
        } finally {
            inflight.remove(key);
        }
    }

    private DeleteOutcome replaceForeign(String key, byte[] tombstone) {
        try {
            redis.execute(Operation.DELETE, c -> c.unlink(key));
            redis.execute(Operation.SET, c -> c.set(key, tombstone, SetArgs.Builder.px(FENCE_TTL.toMillis())));
            return DeleteOutcome.DELETED;
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            return DeleteOutcome.FAILED;
        }
    }

    /**
     * Stores a value the source has just accepted, under a new fence so that no older load can overwrite it and
     * under its groups' current tokens. If Redis refuses the write, the key is invalidated instead of left stale.
     */
    WriteOutcome storeWritten(StoredKey key, Object value, Duration ttl) {
        byte[] json = codec.encode(value);
        try {
            String groups = key.grouped() ? scripts.tokens(key, newToken()) : "";
            byte[] entry = valueEntry(newToken(), clock.millis() + ttl.toMillis(), 0, groups, json);
            redis.execute(Operation.SET, c -> c.set(key.entry(), entry, SetArgs.Builder.px(ttl.toMillis())));
            metrics.put();
            return WriteOutcome.WRITTEN;
        } catch (RedisUnavailableException e) {
            // Redis did not answer: an invalidation now would wait out a second timeout for the same silence.
            // FAILED tells the caller, whose durable invalidator retries it.
            return WriteOutcome.FAILED;
        } catch (RedisCommandExecutionException e) {
            invalidate(key.entry());
            return WriteOutcome.FAILED;
        } finally {
            inflight.remove(key.entry());
        }
    }

    /**
     * Moves a group to a new generation token: every entry loaded under the old one stops being served at once,
     * whatever their number. The old entries age out by their TTL.
     */
    WriteOutcome invalidateGroup(String generationKey) {
        byte[] token = newToken().getBytes(StandardCharsets.US_ASCII);
        try {
            redis.execute(Operation.SET, c -> c.set(generationKey, token));
            return WriteOutcome.WRITTEN;
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            return WriteOutcome.FAILED;
        } finally {
            inflight.values().removeIf(flight -> flight.inGroup(generationKey));
        }
    }

    /**
     * The entry at {@code key} if one may be served: a value or remembered absence whose groups are current.
     * Tombstones, lease markers, entries of an older generation, foreign values and outages read as {@code null}.
     * A grouped key is read with its groups' tokens by one MGET: atomic like a script, but without running Lua,
     * and the key and its groups share a hash slot, so it works on a cluster too.
     */
    CacheEntry read(StoredKey key) {
        try {
            return readOrThrow(key);
        } catch (RedisUnavailableException e) {
            return null;
        }
    }

    /** As {@link #read}, but an unavailable Redis is thrown, so that the load after it does not wait for Redis again. */
    private CacheEntry readOrThrow(StoredKey key) {
        try {
            CacheEntry entry;
            if (key.grouped()) {
                List<KeyValue<String, byte[]>> values = redis.execute(Operation.GET, key.scriptKeys(), RedisClusterAsyncCommands::mget);
                entry = values.get(0).hasValue() ? CacheEntry.parse(values.get(0).getValue()) : null;
                if (entry != null && !entry.matchesGroups(values)) {
                    return null;
                }
            } else {
                byte[] raw = redis.execute(Operation.GET, key.entry(), RedisClusterAsyncCommands::get);
                entry = raw == null ? null : CacheEntry.parse(raw);
            }
            return entry != null && entry.servable() ? entry : null;
        } catch (RedisCommandExecutionException e) {
            metrics.corruptValue();
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> decode(CacheEntry entry, Type type) {
        if (entry.kind() == CacheEntry.ABSENT) {
            return Optional.empty();
        }
        T value = switch (entry.encoding()) {
            case CacheEntry.JSON -> codec.decode(entry.bytes(), entry.payloadOffset(), entry.payloadLength(), type);
            case CacheEntry.ZSTD -> compressor.decompress(entry.bytes(), entry.payloadOffset(), entry.payloadLength(),
                    (json, length) -> codec.decode(json, 0, length, type));
            default -> throw new CorruptPayloadException("the value has an encoding this client does not know: "
                    + entry.encoding());
        };
        if (value == null) {
            throw new IllegalStateException("JSON null is never stored");
        }
        return Optional.of(value);
    }

    /** The entry's value, or {@code null} when it cannot be decoded as {@code type}. */
    private <T> Optional<T> decodeQuietly(CacheEntry entry, Type type) {
        try {
            return decode(entry, type);
        } catch (JacksonException | IllegalStateException e) {
            metrics.corruptValue();
            return null;
        }
    }

    private void releaseQuietly(StoredKey key, String leaseToken) {
        if (leaseToken == null) {
            return;
        }
        try {
            scripts.release(key, leaseToken);
        } catch (RedisUnavailableException | RedisCommandExecutionException e) {
            log.debug("Could not give back the lease on '{}'; it expires by itself", key);
        }
    }

    private static long jittered(Duration ttl, double jitter) {
        long millis = ttl.toMillis();
        long spread = (long) (millis * jitter * ThreadLocalRandom.current().nextDouble());
        return Math.max(1, millis - spread);
    }

    /**
     * 64 random bits as 11 URL-safe base64 characters (none of them a separator of {@link CacheEntry}'s header):
     * every entry carries one or two tokens, so they are written as short as their randomness allows.
     */
    private static String newToken() {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return TOKEN_TEXT.encodeToString(random);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
