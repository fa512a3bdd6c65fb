package com.realestate.cache.invalidation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.EventStream;
import com.realestate.cache.client.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Objects;

/**
 * Carries {@link DomainEvent}s to every instance of a service over a Redis stream, so that each one hears every
 * invalidation and can act on what it keeps in its own memory. Delivery is at least once and in order; handling
 * is idempotent (invalidations are, and event ids applied recently are skipped); a subscriber that was away
 * catches up on what it missed.
 *
 * <p>Publishing is not a substitute for invalidating: a publish fails while Redis is down. A service applies
 * its event locally through an {@link EventDrivenInvalidator} on a {@link DurableInvalidator} (which cannot
 * lose it) and publishes it for the other instances.
 *
 * <p>When events were trimmed from the stream before this instance read them (a gap), it logs a warning and
 * invalidates nothing else by default: Redis is shared and the publishers invalidated it. The
 * {@link BusListener} hears of the gap, so that state kept in this process only can be dropped.
 *
 * <p>Meters: {@code cache.invalidation.bus.skipped} by {@code reason=malformed|duplicate}, and
 * {@code cache.invalidation.bus.gaps}, both tagged with the stream name.
 */
public final class InvalidationBus implements AutoCloseable {

    /** The stream name unless another is set. */
    public static final String DEFAULT_STREAM = "invalidation:events";

    private final EventStream stream;
    private final String streamName;
    private final BusListener listener;
    private final MeterRegistry registry;
    private final Cache<String, Boolean> applied;
    private Subscription subscription;

    private InvalidationBus(Builder builder) {
        this.streamName = builder.streamName;
        this.stream = builder.client.eventStream(builder.streamName);
        this.listener = builder.listener;
        this.registry = builder.registry;
        this.applied = Caffeine.newBuilder().maximumSize(builder.dedupCapacity).expireAfterWrite(builder.dedupFor)
                .build();
    }

    /** A builder for a bus on {@code client}'s Redis and under its prefix. */
    public static Builder builder(CacheClient client) {
        return new Builder(client);
    }

    /** Puts {@code event} on the bus; {@code false} when Redis could not take it (the caller may retry). */
    public boolean publish(DomainEvent event) {
        return stream.publish(event.toJson()).isPresent();
    }

    /**
     * Records that this process has already applied {@code event} completely (for instance right after the write
     * that caused it committed), so that its delivery through the bus is skipped here instead of invalidating the
     * same keys a second time.
     */
    public void markApplied(DomainEvent event) {
        applied.put(event.id(), Boolean.TRUE);
    }

    /** Starts applying every event published from now on with {@code handler}, on a thread of the bus. */
    public void start(EventDrivenInvalidator handler) {
        start(handler, "$");
    }

    /**
     * Starts applying every event after stream entry {@code afterId} ({@code "$"}: from now on), for a process
     * that remembers where it stopped.
     *
     * @throws IllegalStateException when the bus was started already
     */
    public synchronized void start(EventDrivenInvalidator handler, String afterId) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(afterId, "afterId");
        if (subscription != null) {
            throw new IllegalStateException("the invalidation bus on '" + streamName + "' is started already");
        }
        subscription = stream.subscribe(afterId,
                new BusSubscriber(streamName, handler, listener, registry, applied));
    }

    /** {@code true} while the bus is started and reading from Redis. */
    public synchronized boolean connected() {
        return subscription != null && subscription.connected();
    }

    /** The id of the last stream entry handled ({@code 0-0} before the first, or when not started). */
    public synchronized String lastDeliveredId() {
        return subscription == null ? "0-0" : subscription.lastDeliveredId();
    }

    /** Stops applying events and frees the bus's connection. */
    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
        stream.close();
    }

    /** Collects the stream name, listener, meters and de-duplication bounds; not thread-safe. */
    public static final class Builder {

        private final CacheClient client;
        private String streamName = DEFAULT_STREAM;
        private BusListener listener = new BusListener() {
        };
        private MeterRegistry registry = Metrics.globalRegistry;
        private int dedupCapacity = 10_000;
        private Duration dedupFor = Duration.ofMinutes(10);

        private Builder(CacheClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The stream's name under the client's prefix; every instance of a service must use the same. */
        public Builder streamName(String value) {
            streamName = Objects.requireNonNull(value, "streamName");
            return this;
        }

        /** Hears applied events, gaps and disconnections, for state kept in this process only. */
        public Builder listener(BusListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Where the bus's meters go; {@link Metrics#globalRegistry} unless set. */
        public Builder meterRegistry(MeterRegistry value) {
            registry = Objects.requireNonNull(value, "meterRegistry");
            return this;
        }

        /** How many applied event ids are remembered, and for how long, to skip repeated deliveries. */
        public Builder dedup(int capacity, Duration forHowLong) {
            if (capacity < 1) {
                throw new IllegalArgumentException("dedup capacity must be at least 1, was " + capacity);
            }
            Objects.requireNonNull(forHowLong, "forHowLong");
            if (forHowLong.isNegative() || forHowLong.isZero()) {
                throw new IllegalArgumentException("dedup duration must be positive, was " + forHowLong);
            }
            dedupCapacity = capacity;
            dedupFor = forHowLong;
            return this;
        }

        public InvalidationBus build() {
            return new InvalidationBus(this);
        }
    }
}
