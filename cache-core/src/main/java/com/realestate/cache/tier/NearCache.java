package com.realestate.cache.tier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A size-bounded in-process tier in front of Redis that can never serve a value an invalidation has reached.
 *
 * <p>Every key hashes to one of a few thousand stripes, and every group has an epoch; an invalidation bumps the
 * stripe of its key, a group invalidation the epoch of its group, a clear every stripe. A reader takes a
 * {@link Stamp} of those counters before it reads Redis and may only {@link #fill} what it read while they are
 * unchanged; an entry is served only while they still hold the values it was filled under. So a value read
 * before an invalidation arrived is refused, whether the invalidation lands before, during or after the fill.
 *
 * <p>The tier serves nothing until it is {@link #resume() resumed} by whoever feeds it invalidations, and
 * {@link #suspend() suspending} it (because that feed was lost) empties it: entries it cannot hear about are
 * not served. Values are handed out as stored, so they should be immutable.
 */
public final class NearCache {

    private static final int STRIPES = 4096;
    private static final GroupEpoch[] NO_GROUPS = new GroupEpoch[0];
    private static final long[] NO_VALUES = new long[0];
    /**
     * The longest an entry is kept, about 146 years: an expiry further ahead would overflow the monotonic clock, or
     * compare with it as if it had passed. Longer TTLs and limits are cut to it.
     */
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE / 2);

    private final NearCacheSettings settings;
    private final long maximumTtlNanos;
    private final Cache<String, Entry> entries;
    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);
    /** Weak values: an epoch lives while an entry or a stamp refers to it, which is exactly while it matters. */
    private final Cache<String, GroupEpoch> groups = Caffeine.newBuilder().weakValues().build();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder fills = new LongAdder();
    private final LongAdder refusedFills = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private volatile boolean serving;

    /** An empty tier that serves nothing until {@link #resume()}. */
    public NearCache(NearCacheSettings settings) {
        this.settings = settings;
        this.maximumTtlNanos = nanos(settings.maximumTtl());
        this.entries = Caffeine.newBuilder().maximumSize(settings.maximumSize()).build();
    }

    /** The counters a key's entry depends on, taken before Redis is read; see {@link #fill}. */
    public Stamp stamp(String key, String... groupKeys) {
        int stripe = stripe(key);
        if (groupKeys.length == 0) {
            return new Stamp(stripe, stripes.get(stripe), NO_GROUPS, NO_VALUES);
        }
        GroupEpoch[] epochs = new GroupEpoch[groupKeys.length];
        long[] values = new long[epochs.length];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = groups.get(groupKeys[i], group -> new GroupEpoch());
            values[i] = epochs[i].value.get();
        }
        return new Stamp(stripe, stripes.get(stripe), epochs, values);
    }

    /**
     * The entry for {@code key} if it may be served to a reader of {@code type}: the tier is serving, the entry
     * was stored for that type, and no invalidation of its key or groups has arrived since it was read.
     *
     * @return the entry, whose {@link Entry#value()} is {@code null} for a remembered absence; {@code null} on a miss
     */
    public Entry lookup(String key, Type type) {
        Entry entry = entries.getIfPresent(key);
        if (entry != null && serving && entry.servableAs(type) && entry.current(stripes)) {
            if (entry.expiresAtNanos - CoarseClock.nanoTime() > 0) {
                hits.increment();
                return entry;
            }
            entries.asMap().remove(key, entry);
        }
        misses.increment();
        return null;
    }

    /**
     * Keeps {@code value} ({@code null}: a remembered absence) for at most {@code ttl} and the settings' limit,
     * unless an invalidation that concerns it has arrived since {@code stamp} was taken.
     */
    public void fill(Stamp stamp, String key, Type type, Object value, Duration ttl) {
        if (!serving || !stamp.current(stripes)) {
            refusedFills.increment();
            return;
        }
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        long ttlNanos = Math.min(nanos(ttl), maximumTtlNanos);
        Entry entry = new Entry(value, type, stamp, CoarseClock.nanoTime() + ttlNanos);
        entries.put(key, entry);
        fills.increment();
        if (!serving || !stamp.current(stripes)) {
            entries.asMap().remove(key, entry);
        }
    }

    /** Forgets {@code key}, and refuses every fill of it that read Redis before now. */
    public void invalidate(String key) {
        stripes.incrementAndGet(stripe(key));
        entries.invalidate(key);
        invalidations.increment();
    }

    /** Stops serving every entry of {@code groupKey}, and refuses every fill of one that read Redis before now. */
    public void invalidateGroup(String groupKey) {
        GroupEpoch epoch = groups.getIfPresent(groupKey);
        if (epoch != null) {
            epoch.value.incrementAndGet();
        }
        invalidations.increment();
    }

    /** Forgets everything, and refuses every fill that read Redis before now. */
    public void clear() {
        for (int i = 0; i < STRIPES; i++) {
            stripes.incrementAndGet(i);
        }
        entries.invalidateAll();
        invalidations.increment();
    }

    /** Stops serving and forgets everything: the feed of invalidations was lost, so nothing held can be trusted. */
    public void suspend() {
        serving = false;
        clear();
    }

    /** Starts serving (again): the feed of invalidations is known to be complete from here on. */
    public void resume() {
        serving = true;
    }

    /** {@code true} while entries are served. */
    public boolean serving() {
        return serving;
    }

    /** Entries currently held (approximately). */
    public long size() {
        return entries.estimatedSize();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    public long fills() {
        return fills.sum();
    }

    /** Fills refused because an invalidation arrived while their value was being read. */
    public long refusedFills() {
        return refusedFills.sum();
    }

    public long invalidations() {
        return invalidations.sum();
    }

    public NearCacheSettings settings() {
        return settings;
    }

    private static long nanos(Duration duration) {
        return duration.compareTo(LONGEST) < 0 ? duration.toNanos() : LONGEST.toNanos();
    }

    private static int stripe(String key) {
        int hash = key.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }

    /** The counters one read depended on, compared again when its result is stored and whenever it is served. */
    public static final class Stamp {

        private final int stripe;
        private final long stripeValue;
        private final GroupEpoch[] epochs;
        private final long[] epochValues;

        private Stamp(int stripe, long stripeValue, GroupEpoch[] epochs, long[] epochValues) {
            this.stripe = stripe;
            this.stripeValue = stripeValue;
            this.epochs = epochs;
            this.epochValues = epochValues;
        }

        boolean current(AtomicLongArray stripes) {
            if (stripes.get(stripe) != stripeValue) {
                return false;
            }
            for (int i = 0; i < epochs.length; i++) {
                if (epochs[i].value.get() != epochValues[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A value held in process memory with the stamp it was read under. */
    public static final class Entry {

        private final Object value;
        private final Type type;
        private final Stamp stamp;
        private final long expiresAtNanos;

        private Entry(Object value, Type type, Stamp stamp, long expiresAtNanos) {
            this.value = value;
            this.type = type;
            this.stamp = stamp;
            this.expiresAtNanos = expiresAtNanos;
        }

        /** The value, or {@code null} when the entry remembers that the source had none. */
        public Object value() {
            return value;
        }

        boolean servableAs(Type requested) {
            return type == requested || type.equals(requested);
        }

        boolean current(AtomicLongArray stripes) {
            return stamp.current(stripes);
        }
    }

    private static final class GroupEpoch {
        final AtomicLong value = new AtomicLong();
    }
}
