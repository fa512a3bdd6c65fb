package com.realestate.cache.invalidation;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.client.LoadPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CacheInvalidator} that loses no invalidation to a Redis outage. What Redis could not carry out is kept
 * as pending (and recorded in an {@link InvalidationOutbox}) and retried in the background with back-off until it
 * is done; meanwhile reads routed through {@link #getOrLoad} never return a value cached before it, in this
 * process. Other processes learn of it once the retry lands, or at once through the {@link InvalidationBus}.
 *
 * <p>A report that is not {@link InvalidationReport#complete() complete} means "not yet": its failed part is
 * pending. A new instance takes over what its outbox holds, so a process restarted with a persistent outbox
 * carries on where the previous one stopped; {@link #replay()} does the same on demand, for instance after a
 * service committed pending invalidations to its outbox in its own transaction.
 *
 * <p>Meters: the gauge {@code cache.invalidation.pending}, {@code cache.invalidation.retries} by
 * {@code result=complete|incomplete}, and {@code cache.invalidation.reads.bypassed}.
 */
public final class DurableInvalidator implements CacheInvalidator, AutoCloseable {

    static final String PENDING = "cache.invalidation.pending";
    static final String RETRIES = "cache.invalidation.retries";
    static final String BYPASSED = "cache.invalidation.reads.bypassed";
    private static final Logger log = LoggerFactory.getLogger(DurableInvalidator.class);

    private final CacheClient client;
    private final CacheInvalidator direct;
    private final InvalidationOutbox outbox;
    private final PendingState pending;
    private final RetryScheduler retries;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Gauge pendingGauge;
    private final Counter retriesComplete;
    private final Counter retriesIncomplete;
    private final Counter bypassed;

    private DurableInvalidator(Builder builder) {
        this.client = builder.client;
        this.direct = CacheInvalidator.of(builder.client);
        this.outbox = builder.outbox;
        this.pending = new PendingState(builder.outbox, builder.maxPending);
        this.clock = builder.clock;
        this.registry = builder.registry;
        this.pendingGauge = Gauge.builder(PENDING, pending, PendingState::size).strongReference(true)
                .description("Invalidations Redis has not carried out yet, retried in the background")
                .register(registry);
        this.retriesComplete = retryCounter("complete");
        this.retriesIncomplete = retryCounter("incomplete");
        this.bypassed = Counter.builder(BYPASSED)
                .description("Reads that skipped the cache because an invalidation of their key is pending")
                .register(registry);
        this.retries = new RetryScheduler("cache-invalidation-retry", builder.initialBackoff, builder.maxBackoff,
                this::retryQuietly);
    }

    /** A builder with an in-memory outbox, retries from 100 ms backing off to 2 s, and the global meter registry. */
    public static Builder builder(CacheClient client) {
        return new Builder(client);
    }

    /** Tries once; whatever Redis could not carry out is kept, recorded in the outbox and retried. */
    @Override
    public InvalidationReport invalidate(Invalidation invalidation) {
        InvalidationReport report = attempt(invalidation);
        if (!report.complete()) {
            retryLater(report.failed());
        }
        return report;
    }

    /**
     * Keeps an invalidation its caller already tried and Redis refused, and retries it in the background without
     * trying it again first (which would wait out another timeout while Redis is silent); reads through this
     * invalidator skip what it touches until it lands.
     */
    public void retryLater(Invalidation invalidation) {
        if (pending.size() == 0) {
            log.warn("Redis could not carry out an invalidation (keys {}, groups {}{}); it is pending and"
                    + " retried, and reads through this invalidator bypass what it touches meanwhile",
                    invalidation.keys(), invalidation.groups(), invalidation.flush() ? ", everything" : "");
        }
        pending.add(PendingInvalidation.of(invalidation, clock.instant()));
        retries.wake();
    }

    /** {@code true} when an invalidation is pending: one volatile read, for read paths to skip their checks when not. */
    public boolean anyPending() {
        return pending.size() > 0;
    }

    /**
     * {@code true} when a value cached for {@code key} may be served: no invalidation of the key, of one of its
     * groups or of everything is pending, or one synchronous attempt at those just carried them out. A pending flush
     * of everything is never attempted here but left to the background retries: it walks the whole keyspace, and
     * every read at once would otherwise start one.
     */
    public boolean mayServe(CacheKey key) {
        Invalidation touching = pending.touching(key);
        if (touching.isEmpty()) {
            return true;
        }
        if (touching.flush()) {
            return false;
        }
        attempt(touching);
        return pending.touching(key).isEmpty();
    }

    /**
     * {@link CacheClient#getOrLoad(CacheKey, Class, Supplier, Duration) getOrLoad} that never returns a value
     * cached before a pending invalidation of the key: while one is pending (after one attempt at it), the loader
     * runs and its result is returned without being stored.
     */
    public <T> Optional<T> getOrLoad(CacheKey key, Class<T> type, Supplier<? extends T> loader, Duration ttl) {
        return getOrLoad(key, type, loader, client.loadPolicy().withTtl(ttl));
    }

    /** As {@link #getOrLoad(CacheKey, Class, Supplier, Duration)}, with every loading layer set by {@code policy}. */
    public <T> Optional<T> getOrLoad(CacheKey key, Class<T> type, Supplier<? extends T> loader, LoadPolicy policy) {
        return getOrLoad(client, key, type, loader, policy);
    }

    /**
     * As {@link #getOrLoad(CacheKey, Class, Supplier, LoadPolicy)}, loading through {@code view}: a
     * {@link CacheClient#named named} view of this invalidator's client, so that each cache keeps meters of its own.
     */
    public <T> Optional<T> getOrLoad(
            CacheClient view, CacheKey key, Class<T> type, Supplier<? extends T> loader, LoadPolicy policy) {
        Objects.requireNonNull(loader, "loader");
        if (mayServe(key)) {
            return view.getOrLoad(key, type, loader, policy);
        }
        bypassed.increment();
        return Optional.ofNullable(loader.get());
    }

    /** One synchronous attempt at everything pending; what it could not do stays pending. */
    public InvalidationReport retryPending() {
        Invalidation all = pending.all();
        if (all.isEmpty()) {
            return InvalidationReport.none();
        }
        InvalidationReport report = attempt(all);
        (report.complete() ? retriesComplete : retriesIncomplete).increment();
        if (pending.size() == 0) {
            log.info("Every pending invalidation has been carried out");
        } else {
            retries.wake();
        }
        return report;
    }

    /** Takes over what the outbox holds that this instance does not know yet, then {@link #retryPending()}. */
    public InvalidationReport replay() {
        takeOver();
        return retryPending();
    }

    /**
     * Takes over what the outbox holds that this instance does not know yet (invalidations another instance could not
     * carry out) and leaves them to the background retries, with their back-off; until they land, reads of what they
     * touch skip the cache. Cheap to call often: it reads the outbox and touches Redis only through those retries.
     *
     * @return how many invalidations were taken over
     */
    public int takeOver() {
        int restored = pending.restore(outbox.pending());
        if (restored > 0) {
            log.warn("Took over {} pending invalidation(s) from the outbox; retrying them", restored);
            retries.wake();
        }
        return restored;
    }

    /** What is still to be invalidated, oldest first. */
    public List<PendingInvalidation> pending() {
        return pending.snapshot();
    }

    /** Stops retrying; what is pending stays in the outbox for the next instance. The client is not closed. */
    @Override
    public void close() {
        retries.close();
        registry.remove(pendingGauge);
    }

    private InvalidationReport attempt(Invalidation invalidation) {
        long mark = pending.mark();
        InvalidationReport report = direct.invalidate(invalidation);
        pending.settle(report.done(), mark);
        return report;
    }

    private boolean retryQuietly() {
        retryPending();
        return pending.size() == 0;
    }

    private Counter retryCounter(String result) {
        return Counter.builder(RETRIES).description("Background attempts at pending invalidations, by result")
                .tag("result", result).register(registry);
    }

    /** Collects the outbox, back-off and meters; not thread-safe. */
    public static final class Builder {

        private final CacheClient client;
        private InvalidationOutbox outbox = new InMemoryInvalidationOutbox();
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private int maxPending = 10_000;
        private MeterRegistry registry = Metrics.globalRegistry;
        private Clock clock = Clock.systemUTC();

        private Builder(CacheClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Where pending invalidations are recorded; what it holds already is taken over by {@link #build()}. */
        public Builder outbox(InvalidationOutbox value) {
            outbox = Objects.requireNonNull(value, "outbox");
            return this;
        }

        /** The first pause between retries and the longest it doubles up to. */
        public Builder retryBackoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("back-off must be positive and max at least initial, was "
                        + initial + " to " + max);
            }
            initialBackoff = initial;
            maxBackoff = max;
            return this;
        }

        /**
         * How many pending invalidations are kept before they are replaced by one flush of everything (with every
         * read bypassing the cache until it is done); 10 000 unless set.
         */
        public Builder maxPending(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxPending must be at least 1, was " + value);
            }
            maxPending = value;
            return this;
        }

        /** Where the meters go; {@link Metrics#globalRegistry} unless set. */
        public Builder meterRegistry(MeterRegistry value) {
            registry = Objects.requireNonNull(value, "meterRegistry");
            return this;
        }

        /** The clock pending invalidations are stamped with. */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Builds the invalidator and takes over the outbox's pending invalidations, retrying them in the background. */
        public DurableInvalidator build() {
            DurableInvalidator invalidator = new DurableInvalidator(this);
            invalidator.takeOver();
            return invalidator;
        }
    }
}
