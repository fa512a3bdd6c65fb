package com.realestate.cache.invalidation;

import com.realestate.cache.client.CacheKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending invalidations of one process, mirrored to its {@link InvalidationOutbox}, with an index that the
 * read path asks without a lock: is any key or group of this cache key still to be invalidated?
 *
 * <p>Every entry carries the sequence number of when it was recorded. An attempt takes a {@link #mark()} before
 * it starts and settles only entries recorded up to it, so that an invalidation recorded while an attempt was
 * under way is never taken as done by it.
 */
final class PendingState {

    private static final Logger log = LoggerFactory.getLogger(PendingState.class);

    private record Entry(PendingInvalidation pending, long sequence) {
    }

    private final InvalidationOutbox outbox;
    private final int maxPending;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Integer> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> groups = new ConcurrentHashMap<>();
    private volatile int flushes;
    private volatile int size;
    private long sequence;

    PendingState(InvalidationOutbox outbox, int maxPending) {
        this.outbox = outbox;
        this.maxPending = maxPending;
    }

    /** The sequence number an attempt starting now settles up to. */
    synchronized long mark() {
        return sequence;
    }

    /**
     * Keeps {@code pending} and records it in the outbox. Past {@code maxPending} entries, all of them (this one
     * included) become one flush of everything: a cold cache rather than unbounded memory or a stale one.
     */
    synchronized void add(PendingInvalidation pending) {
        if (size + 1 > maxPending) {
            collapse(pending.recordedAt());
            return;
        }
        put(pending, ++sequence);
        record(pending);
    }

    /** Takes over pending invalidations read from the outbox that this process does not know yet. */
    synchronized int restore(List<PendingInvalidation> stored) {
        int restored = 0;
        for (PendingInvalidation pending : stored) {
            if (!entries.containsKey(pending.id())) {
                put(pending, ++sequence);
                restored++;
            }
        }
        return restored;
    }

    /** The pending part of what reading {@code key} depends on: the key itself, its groups, or everything. */
    Invalidation touching(CacheKey key) {
        if (size == 0) {
            return Invalidation.nothing();
        }
        List<String> pendingKeys = keys.containsKey(key.key()) ? List.of(key.key()) : List.of();
        List<String> pendingGroups = key.groups().stream().filter(groups::containsKey).toList();
        return new Invalidation(pendingKeys, pendingGroups, flushes > 0);
    }

    /** Everything pending, each key and group once. */
    synchronized Invalidation all() {
        Invalidation all = Invalidation.nothing();
        for (Entry entry : entries.values()) {
            all = all.and(entry.pending().invalidation());
        }
        return all;
    }

    /** Removes {@code done} from the entries recorded up to {@code mark}; entries with nothing left are done. */
    synchronized void settle(Invalidation done, long mark) {
        if (size == 0 || done.isEmpty()) {
            return;
        }
        for (Entry entry : new ArrayList<>(entries.values())) {
            Invalidation before = entry.pending().invalidation();
            Invalidation left = before.without(done);
            if (entry.sequence() > mark || left.equals(before)) {
                continue;
            }
            if (left.isEmpty()) {
                unindex(before);
                entries.remove(entry.pending().id());
                done(entry.pending().id());
            } else {
                // What is left is indexed before what was there is dropped: a reader never sees it unpending.
                PendingInvalidation shrunk = entry.pending().withInvalidation(left);
                entries.put(shrunk.id(), new Entry(shrunk, entry.sequence()));
                index(left);
                unindex(before);
                record(shrunk);
            }
        }
        size = entries.size();
    }

    synchronized List<PendingInvalidation> snapshot() {
        return entries.values().stream().map(Entry::pending).toList();
    }

    int size() {
        return size;
    }

    private void collapse(Instant now) {
        PendingInvalidation flush = PendingInvalidation.of(Invalidation.everything(), now);
        log.error("More than {} invalidations are pending; replacing them with a flush of the whole cache, and"
                + " bypassing it until Redis has carried that out", maxPending);
        List<String> replaced = new ArrayList<>(entries.keySet());
        // The flush is indexed before the entries it replaces are dropped, so readers bypass the cache throughout.
        put(flush, ++sequence);
        entries.keySet().retainAll(List.of(flush.id()));
        keys.clear();
        groups.clear();
        flushes = 1;
        size = entries.size();
        record(flush);
        replaced.forEach(this::done);
    }

    private void put(PendingInvalidation pending, long number) {
        entries.put(pending.id(), new Entry(pending, number));
        index(pending.invalidation());
        size = entries.size();
    }

    private void index(Invalidation invalidation) {
        invalidation.keys().forEach(key -> keys.merge(key, 1, Integer::sum));
        invalidation.groups().forEach(group -> groups.merge(group, 1, Integer::sum));
        if (invalidation.flush()) {
            flushes++;
        }
    }

    private void unindex(Invalidation invalidation) {
        invalidation.keys().forEach(key -> keys.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1));
        invalidation.groups().forEach(group -> groups.computeIfPresent(group, (g, n) -> n == 1 ? null : n - 1));
        if (invalidation.flush()) {
            flushes--;
        }
    }

    private void record(PendingInvalidation pending) {
        try {
            outbox.record(pending);
        } catch (RuntimeException e) {
            log.error("Could not record pending invalidation {} in the outbox; this process still retries it,"
                    + " but it would not survive a restart", pending.id(), e);
        }
    }

    private void done(String id) {
        try {
            outbox.done(id);
        } catch (RuntimeException e) {
            log.error("Could not mark pending invalidation {} done in the outbox; it will be carried out again"
                    + " after a restart, which is harmless", id, e);
        }
    }
}
