package com.realestate.cache.client;

import com.realestate.cache.tier.NearCache;
import com.realestate.cache.tier.NearCacheSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the near caches of one client coherent with every other instance's writes. Each write to Redis is
 * followed by an entry on a Redis Stream shared by all instances under the prefix (a key, a group, or
 * "everything"); each instance reads the stream and invalidates its near caches. Stream ids are sequence
 * numbers: a reader that reconnects resumes after the last id it saw and is told when entries were trimmed.
 *
 * <p>Near caches serve only while this instance provably hears the stream: a disconnect, a gap or a failover
 * suspends and empties them, and so does silence, because a reader that hears nothing for longer than its
 * blocking read plus the command timeout may be cut off without knowing it. They resume once the reader has
 * caught up again.
 */
final class NearCacheChannel implements StreamListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NearCacheChannel.class);
    /** The stream's name under the client's prefix; the unit separator keeps it apart from every user key. */
    static final String STREAM = "\u001Fnear-cache";
    private static final char KEY = 'k';
    private static final char GROUP = 'g';
    private static final char EVERYTHING = 'c';
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);

    private final CacheSettings settings;
    private final EventStream stream;
    private final long silenceLimitNanos;
    private final List<Registration> caches = new CopyOnWriteArrayList<>();
    private final ThrottledWarning silence = new ThrottledWarning(log, Duration.ofMinutes(1));
    private volatile boolean publishing;
    private volatile boolean hearing;
    private volatile long caughtUpAtNanos;
    private Subscription subscription;
    private ScheduledExecutorService watchdog;
    private boolean closed;

    NearCacheChannel(CacheSettings settings, EventStream stream, boolean publishing) {
        this.settings = settings;
        this.stream = stream;
        this.publishing = publishing;
        this.silenceLimitNanos = RedisConnector.STREAM_BLOCK.plus(settings.commandTimeout()).plus(WATCH_INTERVAL.multipliedBy(2))
                .toNanos();
    }

    /**
     * A near cache in front of the keys under {@code prefix}, which it holds by the caller's key (without the
     * prefix); from now on every write of this client is published.
     */
    synchronized NearCache register(String prefix, NearCacheSettings nearSettings) {
        if (closed) {
            throw new IllegalStateException("the cache client is closed");
        }
        NearCache cache = new NearCache(nearSettings);
        caches.add(new Registration(prefix, cache));
        publishing = true;
        if (subscription == null) {
            subscription = stream.subscribe("$", this);
            watchdog = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("near-cache-watchdog-" + settings.name()).factory());
            watchdog.scheduleWithFixedDelay(this::checkHearing, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else if (hearing) {
            cache.resume();
        }
        return cache;
    }

    void unregister(NearCache cache) {
        caches.removeIf(registration -> registration.cache() == cache);
        cache.suspend();
    }

    /** A near cache and the prefix of the stored keys it holds. */
    private record Registration(String prefix, NearCache cache) {

        void invalidate(String storedKey) {
            if (storedKey.startsWith(prefix)) {
                cache.invalidate(storedKey.substring(prefix.length()));
            }
        }
    }

    /**
     * Forgets {@code storedKey} here and tells every other instance to.
     *
     * @return {@code false} when other instances could not be told (Redis did not take the entry)
     */
    boolean keyChanged(String storedKey) {
        invalidateLocally(storedKey);
        return announce(KEY + storedKey);
    }

    /** As {@link #keyChanged}, for every entry of the group whose generation key is given. */
    boolean groupChanged(String generationKey) {
        invalidateGroupLocally(generationKey);
        return announce(GROUP + generationKey);
    }

    /** As {@link #keyChanged}, for everything: pattern deletes and flushes are not worth tracking key by key. */
    boolean everythingChanged() {
        clearLocally();
        return announce(String.valueOf(EVERYTHING));
    }

    private void invalidateLocally(String storedKey) {
        for (Registration registration : caches) {
            registration.invalidate(storedKey);
        }
    }

    private void invalidateGroupLocally(String generationKey) {
        forEachCache(cache -> cache.invalidateGroup(generationKey));
    }

    private void clearLocally() {
        forEachCache(NearCache::clear);
    }

    private void forEachCache(Consumer<NearCache> action) {
        for (Registration registration : caches) {
            action.accept(registration.cache());
        }
    }

    private boolean announce(String payload) {
        return !publishing || stream.publish(payload).isPresent();
    }

    @Override
    public void onEvent(String id, String payload) {
        if (payload.isEmpty()) {
            return;
        }
        String target = payload.substring(1);
        switch (payload.charAt(0)) {
            case KEY -> invalidateLocally(target);
            case GROUP -> invalidateGroupLocally(target);
            default -> clearLocally();
        }
    }

    @Override
    public void onGap(String lastDeliveredId) {
        clearLocally();
    }

    @Override
    public void onDisconnect() {
        stopHearing();
    }

    @Override
    public void onResume(String lastDeliveredId) {
        stopHearing();
    }

    @Override
    public void onCaughtUp() {
        caughtUpAtNanos = System.nanoTime();
        if (!hearing) {
            startHearing();
        }
    }

    private synchronized void startHearing() {
        if (closed || hearing) {
            return;
        }
        hearing = true;
        forEachCache(NearCache::resume);
    }

    private synchronized void stopHearing() {
        hearing = false;
        forEachCache(NearCache::suspend);
    }

    private void checkHearing() {
        if (hearing && System.nanoTime() - caughtUpAtNanos > silenceLimitNanos) {
            silence.warn("Cache '{}' heard nothing from its near-cache invalidations for {} ms; near caches are bypassed"
                    + " until it does", settings.name(), TimeUnit.NANOSECONDS.toMillis(silenceLimitNanos));
            stopHearing();
        }
    }

    /** {@code true} while near caches may serve. */
    boolean hearing() {
        return hearing;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (subscription != null) {
            subscription.close();
        }
        hearing = false;
        forEachCache(NearCache::suspend);
    }
}
